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

  it('hashes a string as its UTF-8 bytes', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (id) => {
        const bytes = Buffer.from(id, 'utf8');
        expect(hashId(id)).toBe(hashIdBytes(bytes, 0, bytes.length));
      }),
    );
  });
});
