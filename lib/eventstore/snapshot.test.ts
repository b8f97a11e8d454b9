import { appendFileSync, existsSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hashId } from './id-index';
import { indexLines } from './log-index';
import { evolveCounter, openCounter, tempDir, type CounterEvent, type CounterState } from './testing/counter';
import type { EnvelopeOf } from './types';

const snapshotOf = (dir: string) => JSON.parse(readFileSync(join(dir, 'counter.snapshot.json'), 'utf8'));
const added = (n: number, id?: string) => ({ type: 'Added' as const, data: { n }, id });

/** A counter store with snapshots every 5 events that counts how many events its reducer folded. */
function counting(dir: string, version: string | number = 1, warnings: string[] = []) {
  const calls = { n: 0 };
  const reducer = (state: CounterState, event: EnvelopeOf<CounterEvent>) => {
    calls.n++;
    return evolveCounter(state, event);
  };
  const store = openCounter(dir, { evolve: reducer, snapshot: { version, every: 5 }, checkpointEvery: 3, warn: (m) => warnings.push(m) });
  return { store, calls, warnings };
}

async function logOf(dir: string, values: number[], ids: (string | undefined)[] = []) {
  const { store } = counting(dir);
  await store.ready;
  await Promise.all(values.map((n, i) => store.dispatch(added(n, ids[i]))));
  await store.close();
}

describe('snapshots', () => {
  it('are written as events come in, and a restart folds only the events after the last one', async () => {
    const dir = tempDir();
    const values = Array.from({ length: 12 }, (_, i) => i + 1);
    await logOf(dir, values);
    const snap = snapshotOf(dir);
    expect(snap.seq).toBeGreaterThanOrEqual(5);
    expect(snap.state.total).toBe(values.slice(0, snap.seq).reduce((a, b) => a + b, 0));

    const { store, calls } = counting(dir);
    await store.ready;
    expect(store.snapshot()).toEqual({ total: 78, values });
    expect(store.version()).toBe(12);
    expect(calls.n).toBe(12 - snap.seq);
    await store.close();
  });

  // The index saved next to the snapshot spares the boot a scan of the log; without a usable one
  // (missing, of an earlier snapshot, damaged) the boot indexes the log, with the same result.
  it.each(['saved with it', 'missing', 'of an earlier snapshot', 'damaged'])('keep ids, offsets and time travel before the snapshot working (index %s)', async (index) => {
    const dir = tempDir();
    const indexFile = join(dir, 'counter.snapshot.index');
    const ids = ['first', 'with "quotes" and \\ backslash', 'ünïcode', undefined, undefined, undefined, 'seventh'];
    for (const [i, id] of ids.entries()) await logOf(dir, [i + 1], [id]); // one event per boot: seq = i + 1
    const earlier = readFileSync(indexFile);
    await logOf(dir, [8, 9, 10]);
    expect(snapshotOf(dir).seq).toBe(10);
    if (index === 'missing') unlinkSync(indexFile);
    if (index === 'of an earlier snapshot') writeFileSync(indexFile, earlier);
    if (index === 'damaged') writeFileSync(indexFile, readFileSync(indexFile).subarray(0, 100));

    const { store } = counting(dir);
    await store.ready;
    const before = store.version();
    const repeat = await store.dispatch(added(100, 'with "quotes" and \\ backslash'));
    expect(repeat).toMatchObject({ seq: 2, data: { n: 2 } });
    expect(await store.dispatch(added(100, 'ünïcode'))).toMatchObject({ seq: 3 });
    expect(store.version()).toBe(before);
    expect((await store.read(1, 3)).map((e) => e.data.n)).toEqual([1, 2, 3]);
    for (let seq = 0; seq <= 10; seq++) {
      expect((await store.stateAt(seq)).total).toBe((seq * (seq + 1)) / 2);
    }
    await store.close();
  });

  it('of another version are ignored, the log replayed in full, and a new snapshot written', async () => {
    const dir = tempDir();
    await logOf(dir, [1, 2, 3, 4, 5, 6, 7]);
    const { store, calls, warnings } = counting(dir, 2);
    await store.ready;
    expect(calls.n).toBe(7);
    expect(store.snapshot().total).toBe(28);
    expect(warnings.join()).toMatch(/not used \(it is of version 1, the store is at 2\)/);
    await store.close();
    expect(snapshotOf(dir)).toMatchObject({ version: '2', seq: 7 });
  });

  it('that do not match the log are ignored: the log is the truth', async () => {
    const dir = tempDir();
    await logOf(dir, [1, 2, 3, 4, 5, 6]);
    // Another log of the same length in its place (restored from elsewhere, say).
    const other = tempDir();
    await logOf(other, [6, 5, 4, 3, 2, 1]);
    writeFileSync(join(dir, 'counter.jsonl'), readFileSync(join(other, 'counter.jsonl')));
    const { store, calls, warnings } = counting(dir);
    await store.ready;
    expect(calls.n).toBe(6);
    expect(store.snapshot().values).toEqual([6, 5, 4, 3, 2, 1]);
    expect(warnings.join()).toMatch(/not the one it was taken at|does not match/);
    await store.close();
  });

  it('still let the boot repair a torn tail after them', async () => {
    const dir = tempDir();
    await logOf(dir, [1, 2, 3, 4, 5]);
    expect(snapshotOf(dir).seq).toBe(5);
    appendFileSync(join(dir, 'counter.jsonl'), '{"seq":6,"id":"x","ty');
    const { store, warnings } = counting(dir);
    await store.ready;
    expect(store.version()).toBe(5);
    expect(warnings.join()).toMatch(/truncated a torn last line/);
    await expect(store.dispatch(added(6))).resolves.toMatchObject({ seq: 6 });
    await store.close();
  });

  it('are not written for a store that does not ask for them', async () => {
    const dir = tempDir();
    const store = openCounter(dir);
    await store.ready;
    for (let i = 0; i < 12; i++) await store.dispatch(added(1));
    await store.close();
    expect(existsSync(join(dir, 'counter.snapshot.json'))).toBe(false);
  });
});

describe('indexLines', () => {
  const at = '2026-11-23T08:00:00.000Z';
  const line = (seq: number, id: string) => JSON.stringify({ seq, id, type: 'Added', at, data: { n: 1 } }) + '\n';

  it('visits seq, id hash and offset of each line, in the store layout and in any other key order', () => {
    const dir = tempDir();
    const file = join(dir, 'log.jsonl');
    const reordered = JSON.stringify({ type: 'Added', id: 'c', seq: 3, at, data: { n: 1 } }) + '\n';
    const text = line(1, 'a') + line(2, 'b"q') + reordered + line(4, 'd');
    writeFileSync(file, text);
    const seen: [number, number, number][] = [];
    const result = indexLines(file, Buffer.byteLength(text), (seq, idHash, offset) => seen.push([seq, idHash, offset]), 16);
    expect(result).toEqual({ ok: true, count: 4 });
    expect(seen.map(([seq, idHash]) => [seq, idHash])).toEqual([[1, hashId('a')], [2, hashId('b"q')], [3, hashId('c')], [4, hashId('d')]]);
    for (const [, , offset] of seen) expect(offset === 0 || text[offset - 1] === '\n').toBe(true);
  });

  it('says why when the lines are not events 1..n ending at the given size', () => {
    const dir = tempDir();
    const file = join(dir, 'log.jsonl');
    writeFileSync(file, line(1, 'a') + line(3, 'c'));
    expect(indexLines(file, Buffer.byteLength(line(1, 'a') + line(3, 'c')), () => {})).toEqual({ ok: false, reason: 'line 2 holds seq 3' });
    expect(indexLines(file, 5, () => {})).toEqual({ ok: false, reason: 'byte 5 is not the end of a line' });
    expect(indexLines(file, 10_000, () => {}).ok).toBe(false);
  });
});
