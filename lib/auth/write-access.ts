import 'server-only';
import { partyFromHeaders } from '../http/edge-stamp';
import { jsonError } from '../http/json';
import { sameSiteOrigins } from '../http/public-origin';
import { authorizeApiRequest } from './api-token';
import { crossSiteRefusal, isBrowserRequest } from './same-origin';
import { getAdminSession, NOT_LOGGED_IN } from './session';

/**
 * For JSON write routes that both scripts and the owner's browser use (POST /api/media): a script
 * sends `Authorization: Bearer $ADMIN_TOKEN`; the admin's pages (the offline queue) send the
 * session cookie instead, so the token never reaches a browser. Null when allowed, else the
 * Response to return: 401 when the session is missing or expired (the page asks to log in), 403
 * for a cross-site request. Requests that are neither from a browser nor carry a session keep
 * the token's answers (401, or 503 with no ADMIN_TOKEN).
 */
export async function authorizeWrite(request: Request): Promise<Response | null> {
  if (request.headers.has('authorization') || !isBrowserRequest(request.headers)) return authorizeApiRequest(request);
  const refused = crossSiteRefusal(request.headers, sameSiteOrigins(partyFromHeaders(request.headers)));
  if (refused) return jsonError(403, refused);
  if (!(await getAdminSession())) return jsonError(401, NOT_LOGGED_IN);
  return null;
}
