import { DEVICE_TTL_SECONDS, SESSION_TTL_SECONDS } from './session-token';

export interface SessionCookie {
  name: string;
  options: { httpOnly: true; sameSite: 'lax'; path: '/'; secure: boolean; maxAge: number };
}

/**
 * Name and attributes of the session cookie. Over https (SITE_URL) it is Secure and uses the
 * __Host- prefix, which browsers only accept from the exact host, with Path=/ and no Domain, so a
 * sibling subdomain cannot plant a session cookie.
 */
export function sessionCookie(siteUrl: string | undefined = process.env.SITE_URL): SessionCookie {
  const secure = /^https:/i.test(siteUrl ?? '');
  return {
    name: secure ? '__Host-shelf_session' : 'shelf_session',
    options: { httpOnly: true, sameSite: 'lax', path: '/', secure, maxAge: SESSION_TTL_SECONDS },
  };
}

/**
 * The device cookie (lib/auth/login.ts): a browser that logged in before is judged by its own
 * failure record (OWASP "device cookies"). Path=/ so that the __Host- prefix applies.
 */
export function deviceCookie(siteUrl: string | undefined = process.env.SITE_URL): SessionCookie {
  const secure = /^https:/i.test(siteUrl ?? '');
  return {
    name: secure ? '__Host-shelf_device' : 'shelf_device',
    options: { httpOnly: true, sameSite: 'lax', path: '/', secure, maxAge: DEVICE_TTL_SECONDS },
  };
}
