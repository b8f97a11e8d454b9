import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createStandaloneDocument } from '@/lib/documents/document';
import { forgetSingleton } from '@/lib/eventstore/registry';
import { tempDir } from '@/lib/eventstore/testing/counter';
import { authDataSchema, emptyAuthData } from './auth-document';
import { adminPasswordIdentity, adminPasswordIsGenerated, checkAdminPassword, prepareAdminPassword } from './password';

const saved = process.env.ADMIN_PASSWORD;
/** What a new process starts with: nothing loaded. */
const restart = () => forgetSingleton('auth:generated-password');
beforeEach(restart);
afterEach(() => {
  if (saved === undefined) delete process.env.ADMIN_PASSWORD;
  else process.env.ADMIN_PASSWORD = saved;
  restart();
});

const authFile = (dir = tempDir()) => {
  const file = join(dir, 'auth.json');
  return { file, doc: () => createStandaloneDocument(file, authDataSchema, emptyAuthData, undefined, 0o600) };
};

describe('with ADMIN_PASSWORD set', () => {
  beforeEach(() => {
    process.env.ADMIN_PASSWORD = 'correct horse battery staple';
  });

  it('accepts exactly that password', () => {
    expect(checkAdminPassword('correct horse battery staple')).toBe(true);
    expect(checkAdminPassword('correct horse battery stapl')).toBe(false);
    expect(checkAdminPassword('Correct horse battery staple')).toBe(false);
    expect(checkAdminPassword('')).toBe(false);
    expect(adminPasswordIdentity()).toBe('correct horse battery staple');
  });

  it('announces and stores nothing', async () => {
    const log = vi.fn();
    const { doc } = authFile();
    expect(await prepareAdminPassword(log, doc())).toBeUndefined();
    expect(log).not.toHaveBeenCalled();
    expect((await doc().read()).generatedPassword).toBeUndefined();
  });
});

describe.each([['unset', undefined], ['empty', '']])('with ADMIN_PASSWORD %s', (_, value) => {
  beforeEach(() => {
    if (value === undefined) delete process.env.ADMIN_PASSWORD;
    else process.env.ADMIN_PASSWORD = value;
  });

  it('generates a strong password at first start, prints it once, and keeps only its hash (0600)', async () => {
    expect(adminPasswordIsGenerated()).toBe(true);
    const log = vi.fn();
    const { file, doc } = authFile();
    const password = (await prepareAdminPassword(log, doc()))!;
    expect(password).toMatch(/^[A-Za-z0-9_-]{24}$/); // 18 random bytes
    expect(log).toHaveBeenCalledTimes(1);
    expect(log.mock.calls[0]![0]).toContain(password);
    expect(checkAdminPassword(password)).toBe(true);
    expect(checkAdminPassword('')).toBe(false);
    expect(checkAdminPassword(password.slice(1))).toBe(false);
    const text = readFileSync(file, 'utf8');
    expect(text).not.toContain(password);
    expect(JSON.parse(text).generatedPassword).toEqual({ salt: expect.any(String), sha256: expect.any(String) });
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });

  it('keeps it across restarts: the same password works, it is not printed again, and sessions stay bound to it', async () => {
    const { doc } = authFile();
    const password = (await prepareAdminPassword(vi.fn(), doc()))!;
    const identity = adminPasswordIdentity();
    restart();
    expect(checkAdminPassword(password)).toBe(false); // nothing loaded yet: nothing opens
    expect(adminPasswordIdentity()).toBeUndefined();
    const log = vi.fn();
    expect(await prepareAdminPassword(log, doc())).toBeUndefined();
    expect(log).toHaveBeenCalledTimes(1);
    expect(log.mock.calls[0]![0]).not.toContain(password);
    expect(log.mock.calls[0]![0]).toMatch(/the one printed at first start/);
    expect(checkAdminPassword(password)).toBe(true);
    expect(adminPasswordIdentity()).toBe(identity);
  });

  it('differs between installations', async () => {
    const first = await prepareAdminPassword(vi.fn(), authFile().doc());
    restart();
    expect(await prepareAdminPassword(vi.fn(), authFile().doc())).not.toBe(first);
  });
});
