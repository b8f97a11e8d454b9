import 'server-only';
import { authorizeApiRequest } from './api-token';
import { requireAdminForRoute } from './session';

/**
 * For route handlers the admin's pages call and scripts call too (import, lookup): null when the
 * request carries the API token (`Authorization: Bearer`) or, without that header, an admin
 * session cookie (SameSite=Lax, so another site cannot post with it); else the 401/503 to return.
 */
export async function authorizeOwnerRequest(request: Request): Promise<Response | null> {
  if (request.headers.has('authorization')) return authorizeApiRequest(request);
  return requireAdminForRoute();
}
