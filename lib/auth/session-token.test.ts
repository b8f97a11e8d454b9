import { SignJWT, UnsecuredJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { SESSION_TTL_SECONDS, sessionKey, signSessionToken, verifySessionToken } from './session-token';

const key = sessionKey({ password: 'correct horse battery staple' });
const now = new Date('2026-11-23T08:00:00Z');
const later = (seconds: number) => new Date(now.getTime() + seconds * 1000);

describe('session tokens', () => {
  it('verify with the key that signed them, until they expire 7 days later', async () => {
    const token = await signSessionToken(key, now);
    expect(await verifySessionToken(token, key, now)).toEqual({ issuedAt: now, expiresAt: later(SESSION_TTL_SECONDS) });
    expect(await verifySessionToken(token, key, later(SESSION_TTL_SECONDS - 1))).not.toBeNull();
    expect(await verifySessionToken(token, key, later(SESSION_TTL_SECONDS))).toBeNull();
    expect(await verifySessionToken(token, key, later(SESSION_TTL_SECONDS + 3600))).toBeNull();
  });

  it('reject a tampered payload or signature', async () => {
    const [header, payload, signature] = (await signSessionToken(key, now)).split('.');
    const claims = JSON.parse(Buffer.from(payload!, 'base64url').toString());
    const extended = Buffer.from(JSON.stringify({ ...claims, exp: claims.exp + 365 * 86400 })).toString('base64url');
    expect(await verifySessionToken(`${header}.${extended}.${signature}`, key, now)).toBeNull();
    const flipped = signature!.slice(0, -2) + (signature!.at(-2) === 'A' ? 'B' : 'A') + signature!.at(-1);
    expect(await verifySessionToken(`${header}.${payload}.${flipped}`, key, now)).toBeNull();
    expect(await verifySessionToken(`${header}.${payload}.`, key, now)).toBeNull();
  });

  it('reject tokens signed with another key: another password, or SESSION_SECRET instead of the password', async () => {
    const token = await signSessionToken(key, now);
    expect(await verifySessionToken(token, sessionKey({ password: 'another password' }), now)).toBeNull();
    const withSecret = sessionKey({ sessionSecret: 's3cret', password: 'correct horse battery staple' });
    expect(await verifySessionToken(token, withSecret, now)).toBeNull();
  });

  it('derive the same key from the same inputs (sessions survive a restart), and SESSION_SECRET wins over the password', async () => {
    expect(sessionKey({ password: 'correct horse battery staple' })).toEqual(key);
    const a = sessionKey({ sessionSecret: 's3cret', password: 'one' });
    const b = sessionKey({ sessionSecret: 's3cret', password: 'two' });
    expect(a).toEqual(b);
    expect(a).toHaveLength(32);
  });

  it('reject unsigned, differently-claimed and garbage tokens', async () => {
    const unsigned = new UnsecuredJWT({}).setIssuer('shelf').setAudience('shelf-admin').setSubject('admin').setIssuedAt().setExpirationTime('1h').encode();
    expect(await verifySessionToken(unsigned, key)).toBeNull();
    const otherAudience = await new SignJWT({}).setProtectedHeader({ alg: 'HS256' }).setIssuer('shelf').setAudience('someone-else').setSubject('admin').setIssuedAt().setExpirationTime('1h').sign(key);
    expect(await verifySessionToken(otherAudience, key)).toBeNull();
    expect(await verifySessionToken(undefined, key)).toBeNull();
    expect(await verifySessionToken('', key)).toBeNull();
    expect(await verifySessionToken('not.a.jwt', key)).toBeNull();
  });
});
