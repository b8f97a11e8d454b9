import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hashId, hashIdBytes, IdIndex } from './id-index';

describe('IdIndex', () => {
  it('finds every seq added under a hash, across growth, and nothing for hashes never added', () => {
    const index = new IdIndex();
    const ids = Array.from({ length: 5000 }, (_, i) => `id-${i}`);
    ids.forEach((id, i) => index.add(hashId(id), i + 1));
    expect(index.size).toBe(5000);
    ids.forEach((id, i) => expect(index.candidates(hashId(id))).toContain(i + 1));
    expect(index.candidates(hashId('never added'))).toEqual([]);
  });

  it('keeps colliding hashes apart, oldest seq first', () => {
    const index = new IdIndex();
    index.add(7, 3);
    index.add(7, 1);
    index.add(8, 2);
    expect(index.candidates(7)).toEqual([1, 3]);
    expect(index.candidates(8)).toEqual([2]);
  });

  it('adds a hash only when it is new, in one call, and says when it is not', () => {
    const index = new IdIndex();
    for (let seq = 1; seq <= 3000; seq++) expect(index.addIfNew(seq * 7919, seq)).toBe(true);
    expect(index.addIfNew(7919 * 12, 3001)).toBe(false);
    expect(index.size).toBe(3000);
    expect(index.candidates(7919 * 12)).toEqual([12]);
  });

  it('hashes a string as its UTF-8 bytes, whole or a slice of a longer one read in place', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), fc.string({ unit: 'binary' }), fc.string({ unit: 'binary' }), (before, id, after) => {
        const bytes = Buffer.from(id, 'utf8');
        expect(hashId(id)).toBe(hashIdBytes(bytes, 0, bytes.length));
        expect(hashId(before + id + after, before.length, before.length + id.length)).toBe(hashId(id));
      }),
    );
  });
});
