// The feed's persistent sequence against a plain sorted array doing the same changes: the same ids
// in the same order, the same slices, and every earlier version left as it was.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FeedOrder } from './feed-order';

/** Ids are numbers as text, ordered by their number, highest first (as the feed is newest first). */
const precedes = (target: string) => (id: string) => Number(id) > Number(target);

describe('FeedOrder', () => {
  it('keeps the order a sorted array keeps, through inserts and removals past many chunk splits, without changing an earlier version', () => {
    const change = fc.record({ add: fc.boolean(), n: fc.integer({ min: 0, max: 1_000 }) });
    fc.assert(
      fc.property(fc.array(change, { minLength: 300, maxLength: 1_500 }), fc.nat(), fc.nat(), (changes, a, b) => {
        let feed = FeedOrder.empty;
        let expected: string[] = [];
        const versions: [FeedOrder, string[]][] = [];
        for (const { add, n } of changes) {
          const id = String(n);
          if (add && !expected.includes(id)) {
            feed = feed.with(id, precedes(id));
            expected = [...expected, id].sort((x, y) => Number(y) - Number(x));
          } else if (!add) {
            feed = feed.without(id, precedes(id));
            expected = expected.filter((x) => x !== id);
          }
          versions.push([feed, expected]);
        }
        for (const [version, ids] of versions) {
          expect([...version]).toEqual(ids);
          expect(version.length).toBe(ids.length);
        }
        const [start, end] = [a % (expected.length + 2), b % (expected.length + 2)].sort((x, y) => x - y);
        expect(feed.slice(start, end)).toEqual(expected.slice(start, end));
        expect(feed.slice()).toEqual(expected);
      }),
      { numRuns: 40 },
    );
  });

  it('copies one chunk per change, not the feed: a new version shares the other chunks with the one before', () => {
    let feed = FeedOrder.empty;
    for (let n = 0; n < 2_000; n++) feed = feed.with(String(n), precedes(String(n)));
    const next = feed.with('999.5', precedes('999.5'));
    const chunks = (f: FeedOrder) => (f as unknown as { chunks: readonly string[][] }).chunks;
    const shared = chunks(next).filter((chunk) => chunks(feed).includes(chunk));
    expect(chunks(feed).length).toBeGreaterThan(10);
    expect(shared.length).toBeGreaterThanOrEqual(chunks(feed).length - 1);
    expect(next.length).toBe(2_001);
  });
});
