import 'server-only';
// TEMP stub for the history branch: the auth branch provides the real session checks.
// The lead drops this commit at merge; callers are written against the real API.

/** Pages: redirects to /admin/login without a valid session. The stub lets everyone in. */
export async function requireAdmin(): Promise<void> {}

/** Server actions: throws without a valid session. The stub lets everyone in. */
export async function assertAdmin(): Promise<void> {}

/**
 * Route handlers: a 401 response without a valid session, null with one
 * (`const denied = await requireAdminForRoute(); if (denied) return denied;`). The stub lets everyone in.
 */
export async function requireAdminForRoute(): Promise<Response | null> {
  return null;
}
