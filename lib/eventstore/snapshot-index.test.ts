import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hashId, IdIndex } from './id-index';
import { OffsetIndex } from './offset-index';
import { encodeSnapshotIndex, readSnapshotIndex } from './snapshot-index';
import { tempDir } from './testing/counter';

describe('the snapshot index file', () => {
  const n = 5000; // past the first sizes, so the tables have grown
  const offsets = new OffsetIndex();
  const ids = new IdIndex();
  for (let seq = 1; seq <= n; seq++) {
    offsets.push(seq * 100 + (seq % 7));
    ids.add(hashId(`id-${seq}`), seq);
  }
  const size = n * 100 + 100;

  it('gives back the offsets and ids it was written with', () => {
    const file = join(tempDir(), 'x.snapshot.index');
    writeFileSync(file, encodeSnapshotIndex(n, size, offsets, ids));
    const read = readSnapshotIndex(file, n, size)!;
    expect(read.offsets.count).toBe(n);
    for (let seq = 1; seq <= n; seq++) {
      expect(read.offsets.at(seq)).toBe(offsets.at(seq));
      expect(read.ids.candidates(hashId(`id-${seq}`))).toContain(seq);
    }
    expect(read.ids.candidates(hashId('never recorded'))).toEqual([]);
    // and both go on growing as events come after the snapshot
    read.offsets.push(size);
    read.ids.add(hashId('next'), n + 1);
    expect(read.offsets.at(n + 1)).toBe(size);
    expect(read.ids.candidates(hashId('next'))).toEqual([n + 1]);
  });

  it('is not used for another snapshot, or when cut short or not an index at all', () => {
    const dir = tempDir();
    const file = join(dir, 'x.snapshot.index');
    const bytes = encodeSnapshotIndex(n, size, offsets, ids);
    writeFileSync(file, bytes);
    expect(readSnapshotIndex(file, n - 1, size)).toBeUndefined();
    expect(readSnapshotIndex(file, n, size + 1)).toBeUndefined();
    writeFileSync(file, bytes.subarray(0, bytes.length - 4));
    expect(readSnapshotIndex(file, n, size)).toBeUndefined();
    writeFileSync(file, '{"not": "an index"}');
    expect(readSnapshotIndex(file, n, size)).toBeUndefined();
    expect(readSnapshotIndex(join(dir, 'missing'), n, size)).toBeUndefined();
  });
});
