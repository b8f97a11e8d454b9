// Form-encoded bodies of the IndieWeb endpoints (tokens, Webmentions), capped while they stream in.
import { readCappedBytes } from '../http/capped-body';

export const FORM_MAX_BYTES = 16 * 1024;

export type FormRead = { ok: true; form: URLSearchParams } | { ok: false; status: 400 | 413 | 415; description: string };

export async function readForm(request: Request, maxBytes = FORM_MAX_BYTES): Promise<FormRead> {
  const type = request.headers.get('content-type') ?? '';
  if (!/^application\/x-www-form-urlencoded\s*(;|$)/i.test(type)) {
    return { ok: false, status: 415, description: 'Send the parameters form-encoded (Content-Type: application/x-www-form-urlencoded)' };
  }
  const bytes = await readCappedBytes(request, maxBytes);
  if (!bytes) return { ok: false, status: 413, description: `Body too large: at most ${maxBytes} bytes` };
  return { ok: true, form: new URLSearchParams(bytes.toString('utf8')) };
}

/** A parameter given once (a repeated one is ambiguous: OAuth refuses it), or undefined. */
export function single(form: URLSearchParams, name: string): { ok: true; value?: string } | { ok: false; description: string } {
  const values = form.getAll(name);
  if (values.length > 1) return { ok: false, description: `${name} is given more than once` };
  return { ok: true, value: values[0] };
}
