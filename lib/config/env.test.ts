import { afterEach, describe, expect, it, vi } from 'vitest';
import { orderbookDepth } from './env';

afterEach(() => vi.unstubAllEnvs());

describe('orderbookDepth', () => {
  it('defaults to 100 and reads ORDERBOOK_DEPTH', () => {
    vi.stubEnv('ORDERBOOK_DEPTH', undefined);
    expect(orderbookDepth()).toBe(100);
    vi.stubEnv('ORDERBOOK_DEPTH', '');
    expect(orderbookDepth()).toBe(100);
    vi.stubEnv('ORDERBOOK_DEPTH', '7');
    expect(orderbookDepth()).toBe(7);
  });

  it.each(['0', '-1', '1.5', 'ten', '1e3', '01', '1000000'])('refuses ORDERBOOK_DEPTH=%s with a message naming it', (value) => {
    vi.stubEnv('ORDERBOOK_DEPTH', value);
    expect(() => orderbookDepth()).toThrow(/ORDERBOOK_DEPTH must be a whole number/);
  });
});
