import { describe, expect, it } from 'vitest';
import { parseOrderParams } from './order-params';

describe('parseOrderParams', () => {
  it('accepts plain decimal integers: user >= 0, 1 <= price <= 1e9', () => {
    expect(parseOrderParams({ user: '0', price: '1' })).toEqual({ ok: true, value: { user: 0, price: 1 } });
    expect(parseOrderParams({ user: '42', price: '1000000000' })).toEqual({ ok: true, value: { user: 42, price: 1_000_000_000 } });
    expect(parseOrderParams({ user: String(Number.MAX_SAFE_INTEGER), price: '7' })).toEqual({
      ok: true,
      value: { user: Number.MAX_SAFE_INTEGER, price: 7 },
    });
  });

  const badUsers = ['-1', '1.5', 'abc', '1e3', '+1', '01', '-0', '', ' 1', '1 ', '0x10', '١', '9007199254740992', '99999999999999999999', 'Infinity', 'NaN'];
  for (const user of badUsers) {
    it(`rejects user ${JSON.stringify(user)}, naming the field`, () => {
      const result = parseOrderParams({ user, price: '100' });
      expect(result).toEqual({ ok: false, fields: { user: expect.stringMatching(/^must be a whole number from 0 to 9007199254740991/) } });
    });
  }

  const badPrices = ['0', '-1', '1.5', 'abc', '1e3', '+5', '007', '1000000001', '99999999999999999999', '', '1_000'];
  for (const price of badPrices) {
    it(`rejects price ${JSON.stringify(price)}, naming the field`, () => {
      const result = parseOrderParams({ user: '1', price });
      expect(result).toEqual({ ok: false, fields: { price: expect.stringMatching(/^must be a whole number from 1 to 1000000000/) } });
    });
  }

  it('names both fields when both are bad, and rejects missing ones', () => {
    expect(parseOrderParams({ user: 'x', price: 'y' })).toMatchObject({ ok: false, fields: { user: expect.any(String), price: expect.any(String) } });
    expect(parseOrderParams({})).toMatchObject({ ok: false, fields: { user: expect.any(String), price: expect.any(String) } });
  });
});
