export const LOGIN_PATH = '/admin/login';
export const ADMIN_HOME = '/admin';

/**
 * Where to go after logging in: `next` when it is an admin page of this site, else /admin.
 * Parsing against a dummy origin catches the tricks that string checks miss (`//evil.example`,
 * `/\evil.example`, `/admin@evil`, encoded dots), and /admin-like prefixes such as /administrator.
 */
export function safeReturnPath(next: unknown): string {
  if (typeof next !== 'string' || !next.startsWith('/')) return ADMIN_HOME;
  let url: URL;
  try {
    url = new URL(next, 'http://shelf.invalid');
  } catch {
    return ADMIN_HOME;
  }
  if (url.origin !== 'http://shelf.invalid') return ADMIN_HOME;
  const isAdmin = url.pathname === ADMIN_HOME || url.pathname.startsWith(`${ADMIN_HOME}/`);
  if (!isAdmin || url.pathname === LOGIN_PATH || url.pathname.startsWith(`${LOGIN_PATH}/`)) return ADMIN_HOME;
  return url.pathname + url.search + url.hash;
}

/** The login page's URL, remembering where to come back to. */
export function loginUrl(returnTo: string): string {
  return `${LOGIN_PATH}?next=${encodeURIComponent(safeReturnPath(returnTo))}`;
}

/**
 * Request header carrying the path being visited, set by proxy.ts for /admin: server components
 * cannot see their own URL, and requireAdmin() needs it for the login page's `next`.
 */
export const ADMIN_PATH_HEADER = 'x-shelf-admin-path';
