import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { forgetSingleton } from '@/lib/eventstore/registry';
import { adminPassword, adminPasswordIsGenerated, announceAdminPassword, checkAdminPassword } from './password';

const saved = process.env.ADMIN_PASSWORD;
function resetProcessState() {
  forgetSingleton('auth:generated-password');
  forgetSingleton('auth:password-announced');
}
beforeEach(resetProcessState);
afterEach(() => {
  if (saved === undefined) delete process.env.ADMIN_PASSWORD;
  else process.env.ADMIN_PASSWORD = saved;
  resetProcessState();
});

describe('with ADMIN_PASSWORD set', () => {
  beforeEach(() => {
    process.env.ADMIN_PASSWORD = 'correct horse battery staple';
  });

  it('accepts exactly that password', () => {
    expect(checkAdminPassword('correct horse battery staple')).toBe(true);
    expect(checkAdminPassword('correct horse battery stapl')).toBe(false);
    expect(checkAdminPassword('Correct horse battery staple')).toBe(false);
    expect(checkAdminPassword('')).toBe(false);
  });

  it('announces nothing', () => {
    const log = vi.fn();
    announceAdminPassword(log);
    expect(log).not.toHaveBeenCalled();
  });
});

describe.each([['unset', undefined], ['empty', '']])('with ADMIN_PASSWORD %s', (_, value) => {
  beforeEach(() => {
    if (value === undefined) delete process.env.ADMIN_PASSWORD;
    else process.env.ADMIN_PASSWORD = value;
  });

  it('generates a strong password once per process and accepts only it', () => {
    expect(adminPasswordIsGenerated()).toBe(true);
    const password = adminPassword();
    expect(password).toMatch(/^[A-Za-z0-9_-]{24}$/); // 18 random bytes
    expect(adminPassword()).toBe(password);
    expect(checkAdminPassword(password)).toBe(true);
    expect(checkAdminPassword('')).toBe(false);
  });

  it('prints it once, however often boot runs', () => {
    const log = vi.fn();
    announceAdminPassword(log);
    announceAdminPassword(log);
    expect(log).toHaveBeenCalledTimes(1);
    expect(log).toHaveBeenCalledWith(
      `Shelf admin password (ADMIN_PASSWORD is unset, generated for this run): ${adminPassword()}`,
    );
  });

  it('differs between processes', () => {
    const first = adminPassword();
    resetProcessState(); // what a new process starts with
    expect(adminPassword()).not.toBe(first);
  });
});
