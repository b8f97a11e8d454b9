import { describe, expect, it } from 'vitest';
import { orderbookEnabled, parseOrderRateLimit } from './rate-limit';

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
});
