import { clientKey } from '@/lib/auth/client-key';
import { overBudget } from '@/lib/indieauth/budget-refusal';
import { grants } from '@/lib/indieauth/grants';
import { tokenBudget } from '@/lib/indieauth/limits';
import { readForm, single } from '@/lib/indieweb/form-body';
import { oauthError, oauthJson } from '@/lib/indieweb/oauth-json';

export const dynamic = 'force-dynamic';

/** Token revocation (RFC 7009): `token=...`; 200 whether or not the token was live. */
export async function POST(request: Request) {
  const budget = tokenBudget().take(clientKey(request.headers));
  if (!budget.ok) return overBudget(budget, 'token requests');
  const read = await readForm(request);
  if (!read.ok) return oauthError(read.status, 'invalid_request', read.description);
  const token = single(read.form, 'token');
  if (!token.ok || !token.value) return oauthError(400, 'invalid_request', token.ok ? 'token is required' : token.description);
  await grants().revokeToken(token.value);
  return oauthJson({});
}
