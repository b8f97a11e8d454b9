import { clientKey } from '@/lib/auth/client-key';
import { overBudget } from '@/lib/indieauth/budget-refusal';
import { parseClientId, parseRedirectUri } from '@/lib/indieauth/client-id';
import { CONSENT_PATH } from '@/lib/indieauth/consent';
import { grants } from '@/lib/indieauth/grants';
import { authorizationBudget } from '@/lib/indieauth/limits';
import { ownerProfile } from '@/lib/indieauth/profile';
import { readRedemption } from '@/lib/indieauth/redemption';
import { readForm } from '@/lib/indieweb/form-body';
import { oauthError, oauthJson } from '@/lib/indieweb/oauth-json';
import { publicOriginOf } from '@/lib/http/public-origin';

export const dynamic = 'force-dynamic';

/**
 * The authorization endpoint. A browser arrives here from the client: the request is checked as
 * far as it can be without the owner (the client_id and redirect_uri's form) and handed to the
 * consent page in the admin, which asks the owner to sign in first when needed.
 */
export function GET(request: Request) {
  const budget = authorizationBudget().take(clientKey(request.headers));
  if (!budget.ok) return overBudget(budget, 'authorization requests');
  const query = new URL(request.url).searchParams;
  const client = parseClientId(query.get('client_id'));
  if (!client.ok) return oauthError(400, 'invalid_request', client.error);
  const redirect = parseRedirectUri(query.get('redirect_uri'));
  if (!redirect.ok) return oauthError(400, 'invalid_request', redirect.error);
  // Relative: the browser stays on the host it came to (its session cookie lives there).
  return new Response(null, { status: 302, headers: { location: `${CONSENT_PATH}?${query}`, 'cache-control': 'no-store' } });
}

/** A sign-in's code redeemed for the profile URL (no token): `{ me }`, and the profile with that scope. */
export async function POST(request: Request) {
  const budget = authorizationBudget().take(clientKey(request.headers));
  if (!budget.ok) return overBudget(budget, 'authorization requests');
  const read = await readForm(request);
  if (!read.ok) return oauthError(read.status, 'invalid_request', read.description);
  const grantType = read.form.get('grant_type');
  if (grantType !== null && grantType !== 'authorization_code') return oauthError(400, 'unsupported_grant_type', `grant_type ${grantType} is not supported here`);
  const redemption = readRedemption(read.form);
  if (!redemption.ok) return oauthError(400, 'invalid_request', redemption.description);
  const result = await grants().redeemForProfile(redemption.redemption);
  if (!result.ok) return oauthError(400, result.error, result.description);
  const origin = publicOriginOf(request.headers);
  return oauthJson({ me: result.me, ...(result.scopes.includes('profile') ? { profile: await ownerProfile(origin) } : {}) });
}
