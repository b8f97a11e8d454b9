import { describe, expect, it } from 'vitest';
import { TokenBuckets } from './token-bucket';

describe('TokenBuckets', () => {
  it('lets a burst through, then refuses with the wait until the next token', () => {
    const limiter = new TokenBuckets({ perSecond: 20 });
    for (let i = 0; i < 20; i++) expect(limiter.take('a', 1000)).toBe(0);
    expect(limiter.take('a', 1000)).toBe(50); // one token every 50 ms
    expect(limiter.take('a', 1049)).toBeGreaterThan(0);
    expect(limiter.take('a', 1050)).toBe(0);
    expect(limiter.take('a', 1050)).toBeGreaterThan(0);
  });

  it('holds one client at its rate over time, and keeps clients apart', () => {
    const limiter = new TokenBuckets({ perSecond: 20, burst: 5 });
    let accepted = 0;
    for (let t = 0; t < 10_000; t += 5) if (limiter.take('flood', t) === 0) accepted++; // 200 tries a second
    expect(accepted).toBeGreaterThanOrEqual(200);
    expect(accepted).toBeLessThanOrEqual(205); // 20/s for 10 s, plus the burst
    expect(limiter.take('someone else', 10_000)).toBe(0);
  });

  it('is off at 0 and remembers nobody', () => {
    const limiter = new TokenBuckets({ perSecond: 0 });
    for (let i = 0; i < 1000; i++) expect(limiter.take('a', 0)).toBe(0);
    expect(limiter.size).toBe(0);
  });

  it('forgets the least recently seen client past maxKeys', () => {
    const limiter = new TokenBuckets({ perSecond: 1, burst: 1, maxKeys: 2 });
    limiter.take('a', 0);
    limiter.take('b', 0);
    limiter.take('a', 0);
    limiter.take('c', 0);
    expect(limiter.size).toBe(2);
    expect(limiter.take('a', 0)).toBeGreaterThan(0); // still remembered (and out of tokens)
    expect(limiter.take('b', 0)).toBe(0); // forgotten: starts with a full bucket
  });
});
