import { clientInfo } from '@/lib/indieauth/client-info';
import { grants } from '@/lib/indieauth/grants';
import { ownerProfile } from '@/lib/indieauth/profile';
import { readRedemption } from '@/lib/indieauth/redemption';
import { scopeText } from '@/lib/indieauth/scopes';
import { revokeFromForm, tokenRequestForm } from '@/lib/indieauth/token-request';
import { single } from '@/lib/indieweb/form-body';
import { oauthError, oauthJson } from '@/lib/indieweb/oauth-json';
import { publicOriginOf } from '@/lib/http/public-origin';

export const dynamic = 'force-dynamic';

/**
 * The token endpoint: an authorization code (with its PKCE verifier) for a bearer token.
 * `action=revoke&token=...` (IndieAuth's earlier revocation) is accepted too.
 */
export async function POST(request: Request) {
  const read = await tokenRequestForm(request);
  if ('response' in read) return read.response;
  const { form } = read;
  if (form.get('action') === 'revoke') return revokeFromForm(form);
  const grantType = single(form, 'grant_type');
  if (!grantType.ok) return oauthError(400, 'invalid_request', grantType.description);
  if (grantType.value !== 'authorization_code') {
    return oauthError(400, 'unsupported_grant_type', grantType.value ? `grant_type ${grantType.value} is not supported: use authorization_code` : 'grant_type is required (authorization_code)');
  }
  const redemption = readRedemption(form);
  if (!redemption.ok) return oauthError(400, 'invalid_request', redemption.description);
  const origin = publicOriginOf(request.headers);
  // The client's name for the owner's token list: from the consent page's fetch (cached), never fetched here.
  const name = (await clientInfo(redemption.redemption.clientId, false)).name;
  const result = await grants().redeemForToken(redemption.redemption, name);
  if (!result.ok) return oauthError(400, result.error, result.description);
  return oauthJson({
    access_token: result.token,
    token_type: 'Bearer',
    scope: scopeText(result.scopes),
    me: result.me,
    ...(result.scopes.includes('profile') ? { profile: await ownerProfile(origin) } : {}),
  });
}
