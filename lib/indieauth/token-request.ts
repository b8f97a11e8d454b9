import 'server-only';
// What the token and revocation endpoints share: the client's budget, the form, and revoking.
import { clientKey } from '../auth/client-key';
import { readForm, single } from '../indieweb/form-body';
import { oauthError, oauthJson } from '../indieweb/oauth-json';
import { overBudget } from './budget-refusal';
import { grants } from './grants';
import { tokenBudget } from './limits';

/** The request's form, within the token endpoints' budget; else the answer to send. */
export async function tokenRequestForm(request: Request): Promise<{ form: URLSearchParams } | { response: Response }> {
  const budget = tokenBudget().take(clientKey(request.headers));
  if (!budget.ok) return { response: overBudget(budget, 'token requests') };
  const read = await readForm(request);
  return read.ok ? { form: read.form } : { response: oauthError(read.status, 'invalid_request', read.description) };
}

/** RFC 7009: `token=` revoked; 200 whether or not it was live. */
export async function revokeFromForm(form: URLSearchParams): Promise<Response> {
  const token = single(form, 'token');
  if (!token.ok || !token.value) return oauthError(400, 'invalid_request', token.ok ? 'token is required' : token.description);
  await grants().revokeToken(token.value);
  return oauthJson({});
}
