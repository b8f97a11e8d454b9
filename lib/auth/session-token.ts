import { createHmac, hkdfSync } from 'node:crypto';
import { SignJWT, jwtVerify } from 'jose';

// Signed statements kept in cookies, as pure functions of (key, time) so that tests can check
// expiry and tampering without a server:
// - the session: "this browser logged in as the admin, session <sid>, until <exp>";
// - the device cookie: "this browser logged in successfully before" (OWASP device cookies), which
//   lets the login limiter judge it by its own record rather than the shared one.
// The key comes from a random secret (events/auth.json) or SESSION_SECRET, never from the
// password: a leaked cookie gives nothing to guess the password against offline.

export const SESSION_TTL_SECONDS = 7 * 24 * 60 * 60;
export const DEVICE_TTL_SECONDS = 365 * 24 * 60 * 60;
const ISSUER = 'shelf';
const AUDIENCE = 'shelf-admin';
const DEVICE_AUDIENCE = 'shelf-device';
const SUBJECT = 'admin';

export interface SessionClaims {
  issuedAt: Date;
  expiresAt: Date;
  /** The session's id: logout removes it from the live sessions (lib/auth/session-book.ts). */
  sessionId: string;
  /** Keyed hash of the password it was opened with: a password change ends every session. */
  passwordStamp: string;
}

/** The HS256 key from a secret: SESSION_SECRET when set, else the random one kept in events/auth.json. */
export function sessionKey(secret: string, source: 'SESSION_SECRET' | 'generated'): Uint8Array {
  return new Uint8Array(hkdfSync('sha256', secret, 'shelf.session', `shelf admin session v2: ${source}`, 32));
}

/** Which password a session was opened with, as an HMAC under the (secret) key: useless offline. */
export function passwordStamp(key: Uint8Array, password: string): string {
  return createHmac('sha256', key).update(`password\0${password}`).digest('base64url').slice(0, 22);
}

export async function signSessionToken(key: Uint8Array, session: { sessionId: string; passwordStamp: string }, now: Date = new Date()): Promise<string> {
  const iat = Math.floor(now.getTime() / 1000);
  return new SignJWT({ pwd: session.passwordStamp })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setIssuer(ISSUER)
    .setAudience(AUDIENCE)
    .setSubject(SUBJECT)
    .setJti(session.sessionId)
    .setIssuedAt(iat)
    .setExpirationTime(iat + SESSION_TTL_SECONDS)
    .sign(key);
}

/** The claims of a valid, unexpired token signed with `key`; null for anything else. */
export async function verifySessionToken(
  token: string | undefined,
  key: Uint8Array,
  now: Date = new Date(),
): Promise<SessionClaims | null> {
  if (!token) return null;
  try {
    const { payload } = await jwtVerify(token, key, {
      algorithms: ['HS256'],
      issuer: ISSUER,
      audience: AUDIENCE,
      subject: SUBJECT,
      requiredClaims: ['iat', 'exp', 'jti'],
      currentDate: now,
    });
    if (typeof payload.pwd !== 'string') return null;
    return {
      issuedAt: new Date(payload.iat! * 1000),
      expiresAt: new Date(payload.exp! * 1000),
      sessionId: payload.jti!,
      passwordStamp: payload.pwd,
    };
  } catch {
    return null; // bad signature, expired, malformed: all mean "not logged in"
  }
}

/** The device cookie's value: this browser (`deviceId`) logged in successfully. */
export async function signDeviceToken(key: Uint8Array, deviceId: string, now: Date = new Date()): Promise<string> {
  const iat = Math.floor(now.getTime() / 1000);
  return new SignJWT({})
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setIssuer(ISSUER)
    .setAudience(DEVICE_AUDIENCE)
    .setSubject(deviceId)
    .setIssuedAt(iat)
    .setExpirationTime(iat + DEVICE_TTL_SECONDS)
    .sign(key);
}

/** The device id of a valid device cookie, else null. */
export async function verifyDeviceToken(token: string | undefined, key: Uint8Array, now: Date = new Date()): Promise<string | null> {
  if (!token) return null;
  try {
    const { payload } = await jwtVerify(token, key, {
      algorithms: ['HS256'],
      issuer: ISSUER,
      audience: DEVICE_AUDIENCE,
      requiredClaims: ['iat', 'exp', 'sub'],
      currentDate: now,
    });
    return payload.sub!;
  } catch {
    return null;
  }
}
