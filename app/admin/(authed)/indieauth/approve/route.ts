import { headers } from 'next/headers';
import { getAdminSession, NOT_LOGGED_IN } from '@/lib/auth';
import { partyFromHeaders } from '@/lib/http/edge-stamp';
import { jsonError } from '@/lib/http/json';
import { sameSiteOrigins } from '@/lib/http/public-origin';
import { parseAuthorizationRequest, redirectWith } from '@/lib/indieauth/consent';
import { grants } from '@/lib/indieauth/grants';
import { issuerOf } from '@/lib/indieauth/metadata';
import { verifiedClient } from '@/lib/indieauth/verified-client';
import { profileUrl } from '@/lib/indieweb/endpoints';
import { readForm } from '@/lib/indieweb/form-body';
import { publicOriginOf } from '@/lib/http/public-origin';

export const dynamic = 'force-dynamic';

/**
 * The consent form's answer. Only the signed-in owner, from a page of this site (Origin checked;
 * the session cookie is SameSite=Lax as well): the request is checked again as on the page, then
 * the client gets a code (allowed) or `access_denied`, with `state` and `iss`.
 */
export async function POST(request: Request) {
  const requestHeaders = await headers();
  const origin = request.headers.get('origin');
  if (!origin || !sameSiteOrigins(partyFromHeaders(requestHeaders)).includes(origin)) {
    return jsonError(403, `Cross-site request refused: Origin ${origin ?? '(none)'} is not this site`);
  }
  if (!(await getAdminSession())) return jsonError(401, NOT_LOGGED_IN);
  const read = await readForm(request);
  if (!read.ok) return jsonError(read.status, read.description);
  // The scopes are the boxes the owner left ticked (each a `scope` field), out of those the client asked for.
  const form = new URLSearchParams(read.form);
  form.set('scope', read.form.getAll('scope').join(' '));
  const parsed = parseAuthorizationRequest(form);
  if (!parsed.ok) return jsonError(400, parsed.description);
  const { request: authorization } = parsed;
  const checked = await verifiedClient(requestHeaders, authorization.clientId, authorization.redirectUri);
  if (!checked.ok) return jsonError(400, checked.description);
  const site = publicOriginOf(requestHeaders);
  const iss = issuerOf(site);
  if (read.form.get('decision') !== 'allow') {
    return seeOther(redirectWith(authorization.redirectUri, { error: 'access_denied', error_description: 'The owner denied the request', state: authorization.state, iss }));
  }
  const code = await grants().issueCode({
    clientId: authorization.clientId,
    redirectUri: authorization.redirectUri,
    scopes: authorization.scopes,
    challenge: authorization.challenge,
    me: profileUrl(site),
  });
  return seeOther(redirectWith(authorization.redirectUri, { code, state: authorization.state, iss }));
}

const seeOther = (location: string) => new Response(null, { status: 303, headers: { location, 'cache-control': 'no-store' } });
