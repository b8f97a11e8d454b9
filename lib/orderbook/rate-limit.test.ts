import { describe, expect, it } from 'vitest';
import { orderbookEnabled, OrderRateLimiter, parseOrderRateLimit, retryAfterSeconds } from './rate-limit';

describe('OrderRateLimiter', () => {
  it('lets a burst through, then refuses with the wait until the next token', () => {
    const limiter = new OrderRateLimiter({ perSecond: 20 });
    for (let i = 0; i < 20; i++) expect(limiter.take('a', 1000)).toBe(0);
    expect(limiter.take('a', 1000)).toBe(50); // one token every 50 ms
    expect(limiter.take('a', 1049)).toBeGreaterThan(0);
    expect(limiter.take('a', 1050)).toBe(0);
    expect(limiter.take('a', 1050)).toBeGreaterThan(0);
  });

  it('holds one client at its rate over time, and keeps clients apart', () => {
    const limiter = new OrderRateLimiter({ perSecond: 20, burst: 5 });
    let accepted = 0;
    for (let t = 0; t < 10_000; t += 5) if (limiter.take('flood', t) === 0) accepted++; // 200 tries a second
    expect(accepted).toBeGreaterThanOrEqual(200);
    expect(accepted).toBeLessThanOrEqual(205); // 20/s for 10 s, plus the burst
    expect(limiter.take('someone else', 10_000)).toBe(0);
  });

  it('is off at 0 and remembers nobody', () => {
    const limiter = new OrderRateLimiter({ perSecond: 0 });
    for (let i = 0; i < 1000; i++) expect(limiter.take('a', 0)).toBe(0);
    expect(limiter.size).toBe(0);
  });

  it('forgets the least recently seen client past maxClients', () => {
    const limiter = new OrderRateLimiter({ perSecond: 1, burst: 1, maxClients: 2 });
    limiter.take('a', 0);
    limiter.take('b', 0);
    limiter.take('a', 0);
    limiter.take('c', 0);
    expect(limiter.size).toBe(2);
    expect(limiter.take('a', 0)).toBeGreaterThan(0); // still remembered (and out of tokens)
    expect(limiter.take('b', 0)).toBe(0); // forgotten: starts with a full bucket
  });
});

describe('settings', () => {
  it('parses ORDERBOOK_RATE_LIMIT with default 20 and 0 off, refusing junk', () => {
    expect(parseOrderRateLimit(undefined)).toBe(20);
    expect(parseOrderRateLimit(' 5 ')).toBe(5);
    expect(parseOrderRateLimit('0')).toBe(0);
    expect(() => parseOrderRateLimit('fast')).toThrow(/ORDERBOOK_RATE_LIMIT/);
    expect(() => parseOrderRateLimit('-1')).toThrow(/ORDERBOOK_RATE_LIMIT/);
  });

  it('turns the demo off with ORDERBOOK=off', () => {
    expect(orderbookEnabled(undefined)).toBe(true);
    expect(orderbookEnabled('on')).toBe(true);
    expect(orderbookEnabled('off')).toBe(false);
    expect(orderbookEnabled('OFF')).toBe(false);
    expect(orderbookEnabled('0')).toBe(false);
  });

  it('rounds Retry-After up to whole seconds', () => {
    expect(retryAfterSeconds(50)).toBe('1');
    expect(retryAfterSeconds(1001)).toBe('2');
  });
});
