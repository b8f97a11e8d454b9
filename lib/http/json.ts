import { isStoreUnavailable } from '../eventstore/errors';

/** JSON responses with the shape every error of the HTTP API shares: `{ error, fields? }`. */
export const json = (body: unknown, status = 200, headers: Record<string, string> = {}) =>
  Response.json(body, { status, headers: { 'cache-control': 'no-store', ...headers } });

export const jsonError = (status: number, error: string, fields?: Record<string, string>) =>
  json(fields ? { error, fields } : { error }, status);

/** Reads a JSON object body, refusing oversized or malformed ones with a clear 4xx. */
export async function readJsonObject(request: Request, maxBytes = 64 * 1024): Promise<{ ok: true; body: Record<string, unknown> } | { ok: false; response: Response }> {
  const declared = Number(request.headers.get('content-length') ?? 0);
  if (declared > maxBytes) return { ok: false, response: jsonError(413, `Body too large: at most ${maxBytes} bytes`) };
  const text = await request.text();
  if (Buffer.byteLength(text) > maxBytes) return { ok: false, response: jsonError(413, `Body too large: at most ${maxBytes} bytes`) };
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return { ok: false, response: jsonError(400, 'Body must be JSON') };
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return { ok: false, response: jsonError(400, 'Body must be a JSON object') };
  }
  return { ok: true, body: body as Record<string, unknown> };
}

/**
 * Runs a write and answers 503 with the reason as JSON when the store takes no writes now (free
 * space under MIN_FREE_BYTES, or a write just failed): nothing was recorded, a retry may succeed.
 */
export async function unavailableAs503(run: () => Promise<Response>): Promise<Response> {
  try {
    return await run();
  } catch (err) {
    // By name: Next may load the errors module twice, and the store throws its own copy's class.
    if (isStoreUnavailable(err)) return jsonError(503, err.message);
    throw err;
  }
}
