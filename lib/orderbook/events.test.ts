import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeOrderPlacedData, MAX_PRICE, orderbookEventSchema } from './events';

// The hand-written replay decoder must give exactly what JSON.parse then the schema give, or
// nothing (the general path then decides); it is read in place, inside a longer string.
const near = fc.oneof(
  fc.integer({ min: -2, max: 3 }),
  fc.constantFrom(0, -0, 1, MAX_PRICE, MAX_PRICE + 1, Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER + 2, 2.5, 1e21, NaN, Infinity),
  fc.constantFrom('buy', 'sell', 'Buy', '', '1', null, true),
  fc.anything(),
);
const data = fc.oneof(
  fc.record({ user: near, side: near, price: near }, { requiredKeys: [] }),
  fc.record({ user: near, side: near, price: near, extra: near }),
  fc.dictionary(fc.constantFrom('user', 'side', 'price', '__proto__', 'toString'), near),
  fc.anything(),
);
const valid = fc.record({ user: fc.nat({ max: Number.MAX_SAFE_INTEGER }), side: fc.constantFrom('buy', 'sell'), price: fc.integer({ min: 1, max: MAX_PRICE }) });
/** Data texts as the store writes them, as other writers might, and with one character changed. */
const text = fc.oneof(
  data.map((d) => JSON.stringify(d) ?? 'null'),
  valid.map((d) => JSON.stringify(d)),
  fc.tuple(valid.map((d) => JSON.stringify(d)), fc.nat(), fc.constantFrom('', ' ', '"', '0', '9', '-', '.', 'e', '}', ',', '\\')).map(([t, at, c]) => {
    const i = at % (t.length + 1);
    return t.slice(0, i) + c + t.slice(i + (c === '' ? 1 : 0));
  }),
);

/** The decoder on `dataText` as it meets it in a log line: inside a longer string. */
const decodeInLine = (type: string, dataText: string) => {
  const source = `{"seq":1,"data":${dataText}}\n{"seq":2}`;
  const from = source.indexOf(dataText);
  return decodeOrderPlacedData(type, source, from, from + dataText.length);
};

describe('decodeOrderPlacedData', () => {
  it('gives what JSON.parse and the schema give, or nothing', () => {
    fc.assert(
      fc.property(fc.constantFrom('OrderPlaced', 'OrderCancelled'), text, (type, dataText) => {
        const decoded = decodeInLine(type, dataText);
        if (decoded === undefined) return;
        const parsed = orderbookEventSchema.safeParse({ type, data: JSON.parse(dataText) });
        expect(parsed.success).toBe(true);
        expect(decoded).toEqual(parsed.data!.data);
        expect(Object.keys(decoded)).toEqual(Object.keys(parsed.data!.data)); // same keys, same order
      }),
      { numRuns: 20_000 },
    );
  });

  it('reads every event as the store writes it (so replay skips JSON.parse and zod for them), and only the range it is given', () => {
    fc.assert(fc.property(valid, (d) => {
      expect(decodeInLine('OrderPlaced', JSON.stringify(orderbookEventSchema.parse({ type: 'OrderPlaced', data: d }).data))).toEqual(d);
    }), { numRuns: 5_000 });
    const dataText = '{"user":1,"side":"buy","price":2}';
    expect(decodeOrderPlacedData('OrderPlaced', `${dataText}x`, 0, dataText.length + 1)).toBeUndefined();
    expect(decodeOrderPlacedData('OrderPlaced', dataText, 0, dataText.length - 1)).toBeUndefined();
  });
});
