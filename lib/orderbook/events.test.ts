import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isOrderPlacedEvent, MAX_PRICE, orderbookEventSchema } from './events';

// The hand-written replay check must never accept what the schema refuses or would change.
const near = fc.oneof(
  fc.integer({ min: -2, max: 3 }),
  fc.constantFrom(0, -0, 1, MAX_PRICE, MAX_PRICE + 1, Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER + 2, 2.5, NaN, Infinity),
  fc.constantFrom('buy', 'sell', 'Buy', '', '1', null, true),
  fc.anything(),
);
const data = fc.oneof(
  fc.record({ user: near, side: near, price: near }, { requiredKeys: [] }),
  fc.record({ user: near, side: near, price: near, extra: near }),
  fc.dictionary(fc.constantFrom('user', 'side', 'price', '__proto__', 'toString'), near),
  fc.anything(),
);
const valid = fc.record({
  type: fc.constant('OrderPlaced'),
  data: fc.record({ user: fc.nat({ max: Number.MAX_SAFE_INTEGER }), side: fc.constantFrom('buy', 'sell'), price: fc.integer({ min: 1, max: MAX_PRICE }) }),
});

describe('isOrderPlacedEvent', () => {
  it('accepts only events the schema accepts unchanged', () => {
    fc.assert(
      fc.property(fc.constantFrom('OrderPlaced', 'OrderCancelled', 1), data, (type, data) => {
        const event = { type, data }; // as replay builds it
        if (!isOrderPlacedEvent(event)) return;
        const parsed = orderbookEventSchema.safeParse(event);
        expect(parsed.success).toBe(true);
        expect(parsed.data).toEqual(event);
        expect(Object.keys(parsed.data!.data)).toEqual(Object.keys(event.data as object)); // nothing stripped or added
      }),
      { numRuns: 20_000 },
    );
  });

  it('accepts every valid event (so replay skips zod for them), including ones parsed from JSON with odd keys', () => {
    fc.assert(fc.property(valid, (event) => {
      expect(isOrderPlacedEvent(event)).toBe(true);
    }), { numRuns: 5_000 });
    expect(isOrderPlacedEvent(JSON.parse('{"type":"OrderPlaced","data":{"user":1,"side":"buy","price":2,"__proto__":3}}'))).toBe(false);
    expect(isOrderPlacedEvent({ type: 'OrderPlaced', data: Object.assign(Object.create({ user: 1 }), { side: 'buy', price: 2, x: 1 }) })).toBe(false);
  });
});
