import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isTimestamp } from './envelope';

describe('isTimestamp', () => {
  it('answers as Date.parse does, for stamps in the store format and for anything else', () => {
    const two = (max: number) => fc.integer({ min: 0, max }).map((n) => String(n).padStart(2, '0'));
    const stamp = fc
      .tuple(fc.integer({ min: 0, max: 9999 }).map((n) => String(n).padStart(4, '0')), two(19), two(39), two(29), two(69), two(69), fc.integer({ min: 0, max: 999 }))
      .map(([y, mo, d, h, mi, s, ms]) => `${y}-${mo}-${d}T${h}:${mi}:${s}.${String(ms).padStart(3, '0')}Z`);
    fc.assert(fc.property(fc.oneof(stamp, fc.date({ noInvalidDate: true }).map((d) => d.toISOString()), fc.string()), (text) => {
      expect(isTimestamp(text)).toBe(!Number.isNaN(Date.parse(text)));
    }), { numRuns: 20_000 });
  });

  it('takes what Date.parse takes beyond the store format, and refuses what it refuses', () => {
    for (const text of ['2026-02-31T00:00:00.000Z', '2026-12-01T24:00:00.000Z', '2026-11-23', 'Mon, 23 Nov 2026 08:00:00 GMT']) expect(isTimestamp(text)).toBe(true);
    for (const text of ['', 'yesterday', '2026-13-01T00:00:00.000Z', '2026-12-01T23:60:00.000Z']) expect(isTimestamp(text)).toBe(false);
  });
});
