import 'server-only';
import { cookies, headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { cache } from 'react';
import { jsonError } from '../http/json';
import { singleton } from '../eventstore/registry';
import { authDocument } from './auth-document';
import { deviceCookie, sessionCookie } from './cookie';
import { adminPasswordIdentity } from './password';
import { ADMIN_HOME, ADMIN_PATH_HEADER, loginUrl } from './return-path';
import { SessionBook } from './session-book';
import type { SessionClaims } from './session-token';

export type { SessionClaims } from './session-token';

/** The process-wide session book over events/auth.json (SESSION_SECRET, when set, signs instead). */
export const sessionBook = () =>
  singleton('auth:session-book', () => new SessionBook(authDocument(), () => ({ sessionSecret: process.env.SESSION_SECRET, password: adminPasswordIdentity() })));

/** Starts an admin session: records it and sets the signed cookie. Server actions and route handlers only. */
export async function createAdminSession(): Promise<void> {
  const { name, options } = sessionCookie();
  (await cookies()).set(name, await sessionBook().start(), options);
}

/** Ends the session for good (its cookie is refused even if kept), and the browser drops the cookie. */
export async function endAdminSession(): Promise<void> {
  const { name, options } = sessionCookie();
  const jar = await cookies();
  await sessionBook().end(jar.get(name)?.value);
  jar.set(name, '', { ...options, maxAge: 0, expires: new Date(0) });
}

/** This browser's device id (it logged in successfully before), or null. */
export async function knownDevice(): Promise<string | null> {
  return sessionBook().device((await cookies()).get(deviceCookie().name)?.value);
}

/** Marks this browser as one that logged in successfully (OWASP "device cookie"). */
export async function rememberDevice(deviceId?: string): Promise<void> {
  const { name, options } = deviceCookie();
  (await cookies()).set(name, await sessionBook().deviceToken(deviceId), options);
}

/** The verified session of this request, or null; computed once per request. */
export const getAdminSession = cache(async (): Promise<SessionClaims | null> => {
  const token = (await cookies()).get(sessionCookie().name)?.value;
  return sessionBook().verify(token);
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
