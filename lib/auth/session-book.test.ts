import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createStandaloneDocument } from '../documents/document';
import { tempDir } from '../eventstore/testing/counter';
import { authDataSchema, emptyAuthData, MAX_SESSIONS } from './auth-document';
import { SessionBook, type SessionSettings } from './session-book';

function book(settings: SessionSettings = { password: 'correct horse battery staple' }, dir = tempDir()) {
  const file = join(dir, 'auth.json');
  const current = { ...settings };
  const open = () => new SessionBook(createStandaloneDocument(file, authDataSchema, emptyAuthData), () => current);
  return { sessions: open(), reopen: open, settings: current, file };
}

describe('SessionBook', () => {
  it('generates a random secret once, keeps it in auth.json, and sessions survive a restart', async () => {
    const { sessions, reopen, file } = book();
    const token = await sessions.start();
    const secret = JSON.parse(readFileSync(file, 'utf8')).sessionSecret;
    expect(secret).toMatch(/^[\w-]{43}$/);
    const restarted = reopen();
    expect(await restarted.verify(token)).not.toBeNull();
    expect(JSON.parse(readFileSync(file, 'utf8')).sessionSecret).toBe(secret);
    expect(await book().sessions.verify(token)).toBeNull(); // another installation, another secret
  });

  it('ends a session for good at logout: the kept cookie is refused, other sessions go on', async () => {
    const { sessions, reopen } = book();
    const a = await sessions.start();
    const b = await sessions.start();
    await sessions.end(a);
    expect(await sessions.verify(a)).toBeNull();
    expect(await reopen().verify(a)).toBeNull();
    expect(await sessions.verify(b)).not.toBeNull();
  });

  it('ends every session when the password changes', async () => {
    const { sessions, settings } = book();
    const token = await sessions.start();
    settings.password = 'a new password';
    expect(await sessions.verify(token)).toBeNull();
    settings.password = 'correct horse battery staple';
    expect(await sessions.verify(token)).not.toBeNull();
  });

  it('signs with SESSION_SECRET when set, and the generated secret does not verify those cookies', async () => {
    const { sessions, settings } = book({ password: 'pw', sessionSecret: 'an owner-chosen secret' });
    const token = await sessions.start();
    expect(await sessions.verify(token)).not.toBeNull();
    delete settings.sessionSecret;
    expect(await sessions.verify(token)).toBeNull();
  });

  it('keeps at most MAX_SESSIONS live sessions, ending the oldest', async () => {
    const { sessions, file } = book();
    const first = await sessions.start();
    for (let i = 0; i < MAX_SESSIONS; i++) await sessions.start();
    expect(JSON.parse(readFileSync(file, 'utf8')).sessions).toHaveLength(MAX_SESSIONS);
    expect(await sessions.verify(first)).toBeNull();
  });

  it('issues device cookies it recognises', async () => {
    const { sessions } = book();
    const token = await sessions.deviceToken('browser-1');
    expect(await sessions.device(token)).toBe('browser-1');
    expect(await book().sessions.device(token)).toBeNull();
  });
});
