import { readCappedBytes } from './capped-body';

/** JSON responses with the shape every error of the HTTP API shares: `{ error, fields? }`. */
export const json = (body: unknown, status = 200, headers: Record<string, string> = {}) =>
  Response.json(body, { status, headers: { 'cache-control': 'no-store', ...headers } });

export const jsonError = (status: number, error: string, fields?: Record<string, string>) =>
  json(fields ? { error, fields } : { error }, status);

export const DEFAULT_MAX_BODY_BYTES = 64 * 1024;

/** The body as text, capped while it streams in (see readCappedBytes); 413 JSON past `maxBytes`. */
export async function readBodyText(request: Request, maxBytes = DEFAULT_MAX_BODY_BYTES): Promise<{ ok: true; text: string } | { ok: false; response: Response }> {
  const bytes = await readCappedBytes(request, maxBytes);
  if (!bytes) return { ok: false, response: jsonError(413, bodyTooLarge(maxBytes)) };
  return { ok: true, text: bytes.toString('utf8') };
}

/** Reads a JSON object body, refusing oversized (while streaming) or malformed ones with a clear 4xx. */
export async function readJsonObject(request: Request, maxBytes = DEFAULT_MAX_BODY_BYTES): Promise<{ ok: true; body: Record<string, unknown> } | { ok: false; response: Response }> {
  const read = await readBodyText(request, maxBytes);
  if (!read.ok) return read;
  const parsed = parseJsonObject(read.text);
  return parsed.ok ? parsed : { ok: false, response: jsonError(400, parsed.error) };
}

/** Body text as a JSON object, or why it is not one (the 400's message). */
export function parseJsonObject(text: string): { ok: true; body: Record<string, unknown> } | { ok: false; error: string } {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return { ok: false, error: 'Body must be JSON' };
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return { ok: false, error: 'Body must be a JSON object' };
  return { ok: true, body: body as Record<string, unknown> };
}

export const bodyTooLarge = (maxBytes: number) => `Body too large: at most ${maxBytes} bytes`;

