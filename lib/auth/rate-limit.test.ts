import { describe, expect, it } from 'vitest';
import { afterFailure, formatWait, lockedUntil, LoginLimiter, perClientPolicy, type FailureRecord, type LimitPolicy } from './rate-limit';

const MIN = 60_000;
const T0 = Date.UTC(2026, 10, 23, 8, 0, 0);

function fail(times: number[], policy: LimitPolicy = perClientPolicy, start?: FailureRecord) {
  return times.reduce<FailureRecord | undefined>((record, t) => afterFailure(record, t, policy), start);
}

describe('afterFailure / lockedUntil (pure, per client)', () => {
  it('lets four failures through, and locks for 5 minutes on the fifth within 15 minutes', () => {
    const four = fail([0, 1, 2, 3].map((i) => T0 + i * MIN));
    expect(lockedUntil(four, T0 + 3 * MIN)).toBeNull();
    const five = afterFailure(four, T0 + 4 * MIN, perClientPolicy);
    expect(lockedUntil(five, T0 + 4 * MIN)).toBe(T0 + 9 * MIN);
    expect(lockedUntil(five, T0 + 9 * MIN - 1)).toBe(T0 + 9 * MIN);
    expect(lockedUntil(five, T0 + 9 * MIN)).toBeNull();
  });

  it('does not lock when the failures are spread wider than the window', () => {
    const spread = fail([0, 4, 8, 12, 16, 20].map((m) => T0 + m * MIN)); // never 5 within 15 min
    expect(lockedUntil(spread, T0 + 20 * MIN)).toBeNull();
    expect(spread!.failures.length).toBe(4);
  });

  it('doubles each further lockout (5, 10, 20, 40 minutes) and caps it at an hour', () => {
    let record: FailureRecord | undefined;
    let now = T0;
    const lengths: number[] = [];
    for (let lockout = 0; lockout < 6; lockout++) {
      for (let i = 0; i < 5; i++) record = afterFailure(record, (now += 1000), perClientPolicy);
      const until = lockedUntil(record, now)!;
      lengths.push((until - now) / MIN);
      now = until; // the client waits it out, then fails again
    }
    expect(lengths).toEqual([5, 10, 20, 40, 60, 60]);
  });

  it('forgets past lockouts after a day without failures', () => {
    const locked = fail([0, 1, 2, 3, 4].map((s) => T0 + s * 1000));
    expect(locked!.lockouts).toBe(1);
    const dayLater = T0 + 24 * 60 * MIN + 5000;
    const again = fail([0, 1, 2, 3, 4].map((s) => dayLater + s * 1000), perClientPolicy, locked);
    expect(lockedUntil(again, dayLater + 4000)).toBe(dayLater + 4000 + 5 * MIN); // 5 minutes, not 10
  });
});

describe('LoginLimiter', () => {
  it('refuses a locked-out client with the time to retry, and not other clients', () => {
    const limiter = new LoginLimiter();
    for (let i = 0; i < 5; i++) limiter.recordFailure('203.0.113.7', T0 + i);
    expect(limiter.check('203.0.113.7', T0 + 10)).toEqual({ allowed: false, retryAt: T0 + 4 + 5 * MIN });
    expect(limiter.check('198.51.100.2', T0 + 10)).toEqual({ allowed: true });
    expect(limiter.check('203.0.113.7', T0 + 4 + 5 * MIN)).toEqual({ allowed: true });
  });

  it('a success wipes that client’s failures', () => {
    const limiter = new LoginLimiter();
    for (let i = 0; i < 4; i++) limiter.recordFailure('a', T0 + i);
    limiter.recordSuccess('a');
    for (let i = 0; i < 4; i++) limiter.recordFailure('a', T0 + 10 + i);
    expect(limiter.check('a', T0 + 20)).toEqual({ allowed: true });
  });

  it('caps failures across all clients, so rotating the client key (a forged X-Forwarded-For) does not buy unlimited guesses', () => {
    const limiter = new LoginLimiter();
    // 49 forged addresses, 1 failure each: none is locked on its own
    for (let i = 0; i < 49; i++) limiter.recordFailure(`10.0.0.${i}`, T0 + i);
    expect(limiter.check('10.0.0.200', T0 + 100)).toEqual({ allowed: true });
    limiter.recordFailure('10.0.0.49', T0 + 100);
    const decision = limiter.check('10.0.0.201', T0 + 101);
    expect(decision).toEqual({ allowed: false, retryAt: T0 + 100 + 5 * MIN });
    // ...which holds for everyone, the owner included, until it expires
    expect(limiter.check('192.0.2.1', T0 + 100 + 5 * MIN - 1).allowed).toBe(false);
    expect(limiter.check('192.0.2.1', T0 + 100 + 5 * MIN).allowed).toBe(true);
  });

  it('keeps memory bounded under a flood of distinct client keys', () => {
    const limiter = new LoginLimiter({ maxClients: 100 });
    for (let i = 0; i < 1000; i++) limiter.recordFailure(`k${i}`, T0 + i);
    expect(limiter.size).toBe(100);
  });

  it('drops records that can no longer affect a decision', () => {
    const limiter = new LoginLimiter();
    limiter.recordFailure('old', T0);
    limiter.recordFailure('new', T0 + 25 * 60 * MIN);
    expect(limiter.size).toBe(1);
  });
});

describe('formatWait', () => {
  it('says how long to wait, rounded up', () => {
    expect(formatWait(T0 + 1, T0)).toBe('1 second');
    expect(formatWait(T0 + 45_000, T0)).toBe('45 seconds');
    expect(formatWait(T0 + 60_000, T0)).toBe('1 minute');
    expect(formatWait(T0 + 4 * MIN + 1, T0)).toBe('5 minutes');
  });
});
