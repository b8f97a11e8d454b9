/** JSON responses with the shape every error of the HTTP API shares: `{ error, fields? }`. */
export const json = (body: unknown, status = 200, headers: Record<string, string> = {}) =>
  Response.json(body, { status, headers: { 'cache-control': 'no-store', ...headers } });

export const jsonError = (status: number, error: string, fields?: Record<string, string>) =>
  json(fields ? { error, fields } : { error }, status);

export const DEFAULT_MAX_BODY_BYTES = 64 * 1024;

/**
 * The body as text, read chunk by chunk and abandoned as soon as it passes `maxBytes`: a chunked
 * body without Content-Length is never held whole (a declared length too big is refused unread).
 */
export async function readBodyText(request: Request, maxBytes = DEFAULT_MAX_BODY_BYTES): Promise<{ ok: true; text: string } | { ok: false; response: Response }> {
  const tooLarge = () => ({ ok: false as const, response: jsonError(413, `Body too large: at most ${maxBytes} bytes`) });
  const declared = Number(request.headers.get('content-length') ?? 0);
  if (declared > maxBytes) return tooLarge();
  if (!request.body) return { ok: true, text: '' };
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => {});
      return tooLarge();
    }
    chunks.push(value);
  }
  return { ok: true, text: Buffer.concat(chunks).toString('utf8') };
}

/** Reads a JSON object body, refusing oversized (while streaming) or malformed ones with a clear 4xx. */
export async function readJsonObject(request: Request, maxBytes = DEFAULT_MAX_BODY_BYTES): Promise<{ ok: true; body: Record<string, unknown> } | { ok: false; response: Response }> {
  const read = await readBodyText(request, maxBytes);
  if (!read.ok) return read;
  let body: unknown;
  try {
    body = JSON.parse(read.text);
  } catch {
    return { ok: false, response: jsonError(400, 'Body must be JSON') };
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return { ok: false, response: jsonError(400, 'Body must be a JSON object') };
  }
  return { ok: true, body: body as Record<string, unknown> };
}

