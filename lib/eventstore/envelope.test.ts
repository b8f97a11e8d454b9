import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { orderbookEventSchema } from '../orderbook/events';
import { encodeEnvelope, isTimestamp, parseEnvelope, parseEnvelopeAt, parseGeneral } from './envelope';

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

describe('parseEnvelope', () => {
  // The store's own lines take a fast path (no JSON.parse of the envelope, a registered check
  // instead of zod); any line must get the same answer as the general path gives it.
  const codec = { schema: orderbookEventSchema };
  const line = fc
    .record({
      seq: fc.oneof(fc.integer({ min: 1, max: 1e6 }), fc.constantFrom(Number.MAX_SAFE_INTEGER, 1e15 - 1, 1e15)),
      id: fc.oneof(fc.uuid(), fc.string({ minLength: 1 })),
      at: fc.oneof(fc.date({ noInvalidDate: true, min: new Date(0), max: new Date('9999-12-31') }).map((d) => d.toISOString()), fc.string()),
      data: fc.record({ user: fc.integer({ min: -1, max: 5 }), side: fc.constantFrom('buy', 'sell', 'hold'), price: fc.integer({ min: 0, max: 5 }) }),
    })
    .map((e) => encodeEnvelope({ ...e, type: 'OrderPlaced' }).trimEnd());
  const mutated = fc.tuple(line, fc.nat(), fc.constantFrom('', '"', '\\', ' ', '}', '{', 'x', '1', ',', '\u0001', 'é')).map(([text, at, char]) => {
    const i = at % (text.length + 1);
    return text.slice(0, i) + char + text.slice(i + (char === '' ? 1 : 0));
  });

  it('answers every line as the general path does', () => {
    fc.assert(
      fc.property(fc.oneof(line, mutated), (text) => {
        expect(parseEnvelope(text, codec)).toEqual(parseGeneral(text, codec));
      }),
      { numRuns: 5_000 },
    );
  });

  it('reads a line in place, inside the chunk it was read with, as the general path reads the line alone', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(line, mutated), { minLength: 1, maxLength: 4 }), fc.nat(), (lines, pick) => {
        const source = lines.join('\n') + '\n';
        const i = pick % lines.length;
        const start = lines.slice(0, i).reduce((n, l) => n + l.length + 1, 0);
        const parsed = parseEnvelopeAt(source, start, start + lines[i]!.length, codec);
        const { idAt, ...answer } = parsed;
        expect(answer).toEqual(parseGeneral(lines[i]!, codec));
        if (idAt !== undefined && parsed.ok) expect(source.slice(idAt, idAt + parsed.event.id.length)).toBe(parsed.event.id);
      }),
      { numRuns: 5_000 },
    );
  });

  it('reads the store’s own lines on the fast path, a valid one as the same event', () => {
    const text = '{"seq":7,"id":"a-b","type":"OrderPlaced","at":"2026-11-23T08:00:00.010Z","data":{"user":1,"side":"buy","price":9}}';
    expect(parseEnvelope(text, codec)).toEqual({ ok: true, event: { seq: 7, id: 'a-b', type: 'OrderPlaced', at: '2026-11-23T08:00:00.010Z', data: { user: 1, side: 'buy', price: 9 } } });
    expect(parseEnvelope(text.replace('"price":9', '"price":0'), codec)).toMatchObject({ ok: false, reason: expect.stringContaining('price') });
    expect(parseEnvelope(text.replace('}}', '},"seq":8}'), codec)).toEqual(parseGeneral(text.replace('}}', '},"seq":8}'), codec));
  });
});
