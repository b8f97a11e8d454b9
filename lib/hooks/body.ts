// A delivery's payload, read with a cap (HOOKS_MAX_BYTES, default 1 MiB: Plex attaches a poster
// JPEG to some events). Plex posts multipart/form-data with the JSON in its `payload` field, Emby
// (with that request content type) in `data`; Jellyfin's Generic destination posts the JSON itself,
// as text/plain unless the owner adds a Content-Type header, so any other body is read as JSON.
import { readCappedBytes } from '../http/capped-body';
import type { LoggedBy } from '../media/logged-by';

export const hooksMaxBytes = () => {
  const value = Number(process.env.HOOKS_MAX_BYTES);
  return Number.isSafeInteger(value) && value > 0 ? value : 1024 * 1024;
};

/** The form field that carries the JSON, for the servers that post forms. */
export const FORM_FIELD: Record<LoggedBy, string> = { plex: 'payload', emby: 'data', jellyfin: 'data' };

export type BodyOutcome = { ok: true; payload: unknown } | { ok: false; status: 400 | 413; error: string; fields: Record<string, string> };

export async function readHookBody(request: Request, source: LoggedBy, maxBytes = hooksMaxBytes()): Promise<BodyOutcome> {
  const bytes = await readCappedBytes(request, maxBytes);
  if (!bytes) return { ok: false, status: 413, error: `The delivery is too large: at most ${maxBytes} bytes (HOOKS_MAX_BYTES)`, fields: { body: `at most ${maxBytes} bytes` } };
  if (bytes.length === 0) return { ok: false, status: 400, error: 'The delivery is empty', fields: { body: 'missing' } };
  const type = request.headers.get('content-type') ?? '';
  let text: string;
  let what = 'body';
  if (/^\s*(multipart\/form-data|application\/x-www-form-urlencoded)/i.test(type)) {
    what = FORM_FIELD[source];
    let form: FormData;
    try {
      form = await new Response(new Uint8Array(bytes), { headers: { 'content-type': type } }).formData();
    } catch (err) {
      return { ok: false, status: 400, error: `The delivery is not readable form data: ${(err as Error).message}`, fields: { body: 'not readable form data' } };
    }
    const field = form.get(what);
    if (typeof field !== 'string') return { ok: false, status: 400, error: `The form has no "${what}" field with the JSON`, fields: { [what]: 'missing' } };
    text = field;
  } else {
    text = bytes.toString('utf8');
  }
  try {
    return { ok: true, payload: JSON.parse(text.replace(/^\uFEFF/, '')) };
  } catch {
    return { ok: false, status: 400, error: `The delivery's ${what === 'body' ? 'body' : `"${what}" field`} is not JSON`, fields: { [what]: 'not JSON' } };
  }
}
