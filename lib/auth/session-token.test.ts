import { SignJWT, UnsecuredJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { passwordStamp, SESSION_TTL_SECONDS, sessionKey, signDeviceToken, signSessionToken, verifyDeviceToken, verifySessionToken } from './session-token';

const key = sessionKey('a random secret from events/auth.json', 'generated');
const session = { sessionId: 'sid-1', passwordStamp: passwordStamp(key, 'correct horse battery staple') };
const now = new Date('2026-11-23T08:00:00Z');
const later = (seconds: number) => new Date(now.getTime() + seconds * 1000);

describe('session tokens', () => {
  it('verify with the key that signed them, until they expire 7 days later', async () => {
    const token = await signSessionToken(key, session, now);
    expect(await verifySessionToken(token, key, now)).toEqual({ issuedAt: now, expiresAt: later(SESSION_TTL_SECONDS), ...session });
    expect(await verifySessionToken(token, key, later(SESSION_TTL_SECONDS - 1))).not.toBeNull();
    expect(await verifySessionToken(token, key, later(SESSION_TTL_SECONDS))).toBeNull();
  });

  it('reject a tampered payload or signature', async () => {
    const [header, payload, signature] = (await signSessionToken(key, session, now)).split('.');
    const claims = JSON.parse(Buffer.from(payload!, 'base64url').toString());
    const extended = Buffer.from(JSON.stringify({ ...claims, exp: claims.exp + 365 * 86400 })).toString('base64url');
    expect(await verifySessionToken(`${header}.${extended}.${signature}`, key, now)).toBeNull();
    const flipped = signature!.slice(0, -2) + (signature!.at(-2) === 'A' ? 'B' : 'A') + signature!.at(-1);
    expect(await verifySessionToken(`${header}.${payload}.${flipped}`, key, now)).toBeNull();
    expect(await verifySessionToken(`${header}.${payload}.`, key, now)).toBeNull();
  });

  it('reject tokens signed with another key, and SESSION_SECRET keys differ from generated ones', async () => {
    const token = await signSessionToken(key, session, now);
    expect(await verifySessionToken(token, sessionKey('another secret', 'generated'), now)).toBeNull();
    expect(await verifySessionToken(token, sessionKey('a random secret from events/auth.json', 'SESSION_SECRET'), now)).toBeNull();
    expect(sessionKey('s3cret', 'SESSION_SECRET')).toEqual(sessionKey('s3cret', 'SESSION_SECRET'));
  });

  it('are not derived from the password: the cookie holds only a keyed stamp of it, useless without the secret', async () => {
    const token = await signSessionToken(key, session, now);
    const claims = JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString());
    // Someone with the cookie but not the secret cannot test password guesses against it: the
    // stamp and the signature both need the 256-bit key, which comes from no password.
    expect(claims.pwd).toBe(session.passwordStamp);
    expect(passwordStamp(sessionKey('another secret', 'generated'), 'correct horse battery staple')).not.toBe(claims.pwd);
    expect(passwordStamp(key, 'another password')).not.toBe(claims.pwd);
  });

  it('reject unsigned, differently-claimed, device and garbage tokens', async () => {
    const unsigned = new UnsecuredJWT({ pwd: 'x' }).setIssuer('shelf').setAudience('shelf-admin').setSubject('admin').setJti('s').setIssuedAt().setExpirationTime('1h').encode();
    expect(await verifySessionToken(unsigned, key)).toBeNull();
    const otherAudience = await new SignJWT({ pwd: 'x' }).setProtectedHeader({ alg: 'HS256' }).setIssuer('shelf').setAudience('someone-else').setSubject('admin').setJti('s').setIssuedAt().setExpirationTime('1h').sign(key);
    expect(await verifySessionToken(otherAudience, key)).toBeNull();
    expect(await verifySessionToken(await signDeviceToken(key, 'dev'), key)).toBeNull();
    expect(await verifySessionToken(undefined, key)).toBeNull();
    expect(await verifySessionToken('not.a.jwt', key)).toBeNull();
  });
});

describe('device tokens', () => {
  it('name the device, and are not sessions', async () => {
    const device = await signDeviceToken(key, 'browser-1', now);
    expect(await verifyDeviceToken(device, key, now)).toBe('browser-1');
    expect(await verifyDeviceToken(device, sessionKey('other', 'generated'), now)).toBeNull();
    expect(await verifyDeviceToken(await signSessionToken(key, session, now), key, now)).toBeNull();
    expect(await verifyDeviceToken(undefined, key)).toBeNull();
  });
});
