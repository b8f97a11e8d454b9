// The parameters of a code redemption, as the token and authorization endpoints read them.
import { single } from '../indieweb/form-body';
import type { Redemption } from './grants';
import { isCodeVerifier } from './pkce';

export function readRedemption(form: URLSearchParams): { ok: true; redemption: Redemption } | { ok: false; description: string } {
  const values: Record<string, string> = {};
  for (const name of ['code', 'client_id', 'redirect_uri', 'code_verifier']) {
    const read = single(form, name);
    if (!read.ok) return read;
    if (!read.value) return { ok: false, description: `${name} is required` };
    values[name] = read.value;
  }
  if (!isCodeVerifier(values.code_verifier)) return { ok: false, description: 'code_verifier must be 43 to 128 characters of A-Z, a-z, 0-9, "-", ".", "_", "~"' };
  if (values.code!.length > 200) return { ok: false, description: 'code is not one this server issued' };
  return { ok: true, redemption: { code: values.code!, clientId: values.client_id!, redirectUri: values.redirect_uri!, verifier: values.code_verifier! } };
}
