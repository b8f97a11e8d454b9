import { hkdfSync } from 'node:crypto';
import { SignJWT, jwtVerify } from 'jose';

// The session is a signed statement "this browser logged in as the admin until <exp>".
// Pure functions of (key, time) so that tests can check expiry and tampering without a server.

export const SESSION_TTL_SECONDS = 7 * 24 * 60 * 60;
const ISSUER = 'shelf';
const AUDIENCE = 'shelf-admin';
const SUBJECT = 'admin';

export interface SessionClaims {
  issuedAt: Date;
  expiresAt: Date;
}

/**
 * The HS256 key: from SESSION_SECRET when set, else from the admin password, so that sessions
 * survive a restart with the same password and all end when the password changes.
 */
export function sessionKey(source: { sessionSecret?: string; password: string }): Uint8Array {
  const [ikm, info] = source.sessionSecret
    ? [source.sessionSecret, 'shelf admin session v1: SESSION_SECRET']
    : [source.password, 'shelf admin session v1: ADMIN_PASSWORD'];
  return new Uint8Array(hkdfSync('sha256', ikm, 'shelf.session', info, 32));
}

export async function signSessionToken(key: Uint8Array, now: Date = new Date()): Promise<string> {
  const iat = Math.floor(now.getTime() / 1000);
  return new SignJWT({})
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setIssuer(ISSUER)
    .setAudience(AUDIENCE)
    .setSubject(SUBJECT)
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
      requiredClaims: ['iat', 'exp'],
      currentDate: now,
    });
    return { issuedAt: new Date(payload.iat! * 1000), expiresAt: new Date(payload.exp! * 1000) };
  } catch {
    return null; // bad signature, expired, malformed: all mean "not logged in"
  }
}
