import { randomBytes, randomUUID } from 'node:crypto';
import type { Document } from '../documents/document';
import { MAX_SESSIONS, type AuthData } from './auth-document';
import { safeEqual } from './safe-equal';
import {
  passwordStamp,
  SESSION_TTL_SECONDS,
  sessionKey,
  signDeviceToken,
  signSessionToken,
  verifyDeviceToken,
  verifySessionToken,
  type SessionClaims,
} from './session-token';

export interface SessionSettings {
  /** SESSION_SECRET: when set, signs cookies instead of the generated secret. */
  sessionSecret?: string;
  /** The admin password now (lib/auth/password.ts adminPasswordIdentity): a session opened with another one is over; undefined: no session is valid. */
  password: string | undefined;
}

const keys = new Map<string, Uint8Array>();
function keyFor(secret: string, source: 'SESSION_SECRET' | 'generated'): Uint8Array {
  const id = `${source}\0${secret}`;
  let key = keys.get(id);
  if (!key) keys.set(id, (key = sessionKey(secret, source)));
  return key;
}

/**
 * The admin's sessions: signing and checking cookies, and the list of live sessions in the auth
 * document. Framework-free (cookies are read and set by lib/auth/session.ts).
 */
export class SessionBook {
  constructor(
    private readonly doc: Document<AuthData>,
    private readonly settings: () => SessionSettings,
  ) {}

  /** The signing key: from SESSION_SECRET, else the secret in the document, generated on first use. */
  async key(): Promise<Uint8Array> {
    const override = this.settings().sessionSecret;
    if (override) return keyFor(override, 'SESSION_SECRET');
    let data = await this.doc.read();
    if (!data.sessionSecret) {
      data = await this.doc.update((d) => {
        d.sessionSecret ||= randomBytes(32).toString('base64url');
      });
    }
    return keyFor(data.sessionSecret, 'generated');
  }

  /** Opens a session: records it as live and returns its cookie value. */
  async start(now: Date = new Date()): Promise<string> {
    const key = await this.key();
    const sessionId = randomUUID();
    const expiresAt = now.getTime() + SESSION_TTL_SECONDS * 1000;
    await this.doc.update((d) => {
      d.sessions = d.sessions.filter((s) => s.expiresAt > now.getTime());
      d.sessions.push({ id: sessionId, expiresAt });
      d.sessions = d.sessions.slice(-MAX_SESSIONS);
    });
    const password = this.settings().password;
    if (password === undefined) throw new Error('the admin password is not loaded yet: no session can start');
    return signSessionToken(key, { sessionId, passwordStamp: passwordStamp(key, password) }, now);
  }

  /** The session of a cookie: signed by us, unexpired, opened with today's password, and not ended. */
  async verify(token: string | undefined, now: Date = new Date()): Promise<SessionClaims | null> {
    if (!token) return null;
    const key = await this.key();
    const claims = await verifySessionToken(token, key, now);
    if (!claims) return null;
    const password = this.settings().password;
    if (password === undefined || !safeEqual(claims.passwordStamp, passwordStamp(key, password))) return null;
    // Fresh, not as this instance last heard: a login or a logout on another instance counts at once.
    const live = (await this.doc.fresh()).sessions.some((s) => s.id === claims.sessionId && s.expiresAt > now.getTime());
    return live ? claims : null;
  }

  /** Ends the session of a cookie for good: its cookie, even kept, is refused from now on. */
  async end(token: string | undefined): Promise<void> {
    if (!token) return;
    const claims = await verifySessionToken(token, await this.key(), new Date(0));
    if (!claims) return;
    await this.doc.update((d) => {
      d.sessions = d.sessions.filter((s) => s.id !== claims.sessionId);
    });
  }

  /** A device cookie for a browser that just logged in (a new id, or the one it had). */
  async deviceToken(deviceId: string = randomUUID(), now: Date = new Date()): Promise<string> {
    return signDeviceToken(await this.key(), deviceId, now);
  }

  /** The device id of a device cookie we signed, else null. */
  async device(token: string | undefined, now: Date = new Date()): Promise<string | null> {
    return token ? verifyDeviceToken(token, await this.key(), now) : null;
  }
}
