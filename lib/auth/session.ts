import 'server-only';
import { cookies, headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { cache } from 'react';
import { jsonError } from '../http/json';
import { sessionCookie } from './cookie';
import { adminPassword } from './password';
import { ADMIN_HOME, ADMIN_PATH_HEADER, loginUrl } from './return-path';
import { sessionKey, signSessionToken, verifySessionToken, type SessionClaims } from './session-token';

export type { SessionClaims } from './session-token';

const currentKey = () => sessionKey({ sessionSecret: process.env.SESSION_SECRET, password: adminPassword() });

/** Starts an admin session: sets the signed cookie. Server actions and route handlers only. */
export async function createAdminSession(): Promise<void> {
  const { name, options } = sessionCookie();
  (await cookies()).set(name, await signSessionToken(currentKey()), options);
}

/** Ends the session: the browser drops the cookie (same attributes, so __Host- cookies go too). */
export async function endAdminSession(): Promise<void> {
  const { name, options } = sessionCookie();
  (await cookies()).set(name, '', { ...options, maxAge: 0, expires: new Date(0) });
}

/** The verified session of this request, or null; computed once per request. */
export const getAdminSession = cache(async (): Promise<SessionClaims | null> => {
  const token = (await cookies()).get(sessionCookie().name)?.value;
  return verifySessionToken(token, currentKey());
});

export async function isAdmin(): Promise<boolean> {
  return (await getAdminSession()) !== null;
}

/**
 * For admin pages and layouts (server components): the session, or a redirect to the login page,
 * which brings the owner back here afterwards. `returnTo` defaults to the path being visited.
 */
export async function requireAdmin(returnTo?: string): Promise<SessionClaims> {
  const session = await getAdminSession();
  if (session) return session;
  redirect(loginUrl(returnTo ?? (await headers()).get(ADMIN_PATH_HEADER) ?? ADMIN_HOME));
}

export const NOT_LOGGED_IN = 'You are not logged in, or your session has expired: log in again at /admin/login.';

export class AdminAuthError extends Error {
  constructor() {
    super(NOT_LOGGED_IN);
    this.name = 'AdminAuthError';
  }
}

/** For server actions: the session, or throws AdminAuthError. Call it first, before reading any input. */
export async function assertAdmin(): Promise<SessionClaims> {
  const session = await getAdminSession();
  if (!session) throw new AdminAuthError();
  return session;
}

/**
 * For admin route handlers (downloads): null with a session, else a 401 JSON response to return
 * as is (`const denied = await requireAdminForRoute(); if (denied) return denied;`).
 */
export async function requireAdminForRoute(): Promise<Response | null> {
  if (await getAdminSession()) return null;
  return jsonError(401, NOT_LOGGED_IN);
}
