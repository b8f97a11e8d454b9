import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { attemptLogin, WRONG_PASSWORD_DELAY_MS } from './login';
import { LoginLimiter } from './rate-limit';

const saved = process.env.ADMIN_PASSWORD;
beforeEach(() => {
  process.env.ADMIN_PASSWORD = 'correct horse battery staple';
});
afterEach(() => {
  if (saved === undefined) delete process.env.ADMIN_PASSWORD;
  else process.env.ADMIN_PASSWORD = saved;
});

function harness() {
  const delays: number[] = [];
  const limiter = new LoginLimiter();
  let now = Date.UTC(2026, 10, 23, 8);
  const attempt = (password: string, client = '203.0.113.7') =>
    attemptLogin(password, client, { now: (now += 1000), limiter, delay: async (ms) => delays.push(ms) });
  return { attempt, delays, limiter, at: () => now };
}

describe('attemptLogin', () => {
  it('accepts the password at once and delays every wrong one', async () => {
    const { attempt, delays } = harness();
    expect(await attempt('correct horse battery staple')).toEqual({ ok: true });
    expect(delays).toEqual([]);
    expect(await attempt('wrong')).toEqual({ ok: false, reason: 'wrong-password' });
    expect(delays).toEqual([WRONG_PASSWORD_DELAY_MS]);
  });

  it('after 5 wrong passwords refuses that client, even the right password, without checking it', async () => {
    const { attempt, delays, at } = harness();
    for (let i = 0; i < 5; i++) expect((await attempt(`guess ${i}`)).ok).toBe(false);
    const refused = await attempt('correct horse battery staple');
    expect(refused).toEqual({ ok: false, reason: 'rate-limited', retryAt: at() - 1000 + 5 * 60_000 });
    expect(delays).toHaveLength(5); // the refusal itself is immediate
    expect(await attempt('correct horse battery staple', '198.51.100.2')).toEqual({ ok: true });
  });

  it('a success resets the count for that client', async () => {
    const { attempt } = harness();
    for (let i = 0; i < 4; i++) await attempt('typo');
    await attempt('correct horse battery staple');
    for (let i = 0; i < 4; i++) await attempt('typo');
    expect(await attempt('correct horse battery staple')).toEqual({ ok: true });
  });
});

describe('attemptLogin from a known browser (device cookie)', () => {
  it('a flood of failures from forged addresses does not stop a known browser with the right password', async () => {
    const { attempt, limiter } = harness();
    for (let i = 0; i < 200; i++) await attempt(`guess ${i}`, `198.51.100.${i % 250}`);
    // The shared record is tripped: an unknown browser with the right password is refused...
    expect(await attempt('correct horse battery staple', '203.0.113.50')).toMatchObject({ ok: false, reason: 'rate-limited' });
    // ...but the owner's browser, which logged in before, is judged by its own (clean) record.
    let now = Date.UTC(2026, 10, 23, 9);
    const known = (password: string, client = '198.51.100.7') =>
      attemptLogin(password, client, { now: (now += 1000), limiter, device: 'owner-laptop', delay: async () => {} });
    expect(await known('correct horse battery staple')).toEqual({ ok: true });
    expect(await known('correct horse battery staple', '203.0.113.50')).toEqual({ ok: true });
  });

  it('a known browser is still limited by its own failures, then treated as unknown', async () => {
    const { limiter } = harness();
    let now = Date.UTC(2026, 10, 23, 9);
    const known = (password: string) => attemptLogin(password, '203.0.113.9', { now: (now += 1000), limiter, device: 'stolen-cookie', delay: async () => {} });
    for (let i = 0; i < 5; i++) expect(await known(`guess ${i}`)).toEqual({ ok: false, reason: 'wrong-password' });
    // Locked device: judged as an unknown client now; five more failures lock that client.
    for (let i = 0; i < 5; i++) expect(await known(`guess ${i}`)).toEqual({ ok: false, reason: 'wrong-password' });
    expect(await known('correct horse battery staple')).toMatchObject({ ok: false, reason: 'rate-limited' });
  });
});
