import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CrashableFiles } from '../fs/testing/crashable-files';
import { EventRejectedError, EventValidationError } from './errors';
import { hashId } from './id-index';
import { nodeFiles, type FileLayer } from '../fs/file-layer';
import { evolveCounter, initialCounter, openCounter, tempDir, type CounterEvent } from './testing/counter';
import type { EnvelopeOf, Store } from './types';
import type { CounterState } from './testing/counter';

const open: Store<CounterState, CounterEvent>[] = [];
function counter(dir: string, extra?: Parameters<typeof openCounter>[1]) {
  const store = openCounter(dir, extra);
  open.push(store);
  return store;
}
afterEach(async () => {
  await Promise.all(open.splice(0).map((s) => s.close()));
});

const logLines = (dir: string) => readFileSync(join(dir, 'counter.jsonl'), 'utf8').split('\n').filter(Boolean);
const added = (n: number, id?: string) => ({ type: 'Added' as const, data: { n }, id });

describe('dispatch', () => {
  it('stamps seq, id and time, appends one line per event and applies the reducer', async () => {
    const dir = tempDir();
    const at = new Date('2026-11-23T08:00:00.000Z');
    const store = counter(dir, { now: () => at });
    await store.ready;
    const first = await store.dispatch(added(5));
    const second = await store.dispatch(added(7));
    expect(first).toMatchObject({ seq: 1, type: 'Added', at: at.toISOString(), data: { n: 5 } });
    expect(second.seq).toBe(2);
    expect(first.id).not.toBe(second.id);
    expect(store.snapshot()).toEqual({ total: 12, values: [5, 7] });
    expect(store.version()).toBe(2);
    expect(logLines(dir).map((l) => JSON.parse(l))).toEqual([first, second]);
    expect(Object.keys(JSON.parse(logLines(dir)[0]!))).toEqual(['seq', 'id', 'type', 'at', 'data']);
  });

  it('rejects an event that fails its schema and appends nothing', async () => {
    const dir = tempDir();
    const store = counter(dir);
    await store.dispatch(added(1));
    const size = statSync(join(dir, 'counter.jsonl')).size;
    await expect(store.dispatch({ type: 'Added', data: { n: 1.5 } })).rejects.toBeInstanceOf(EventValidationError);
    await expect(store.dispatch({ type: 'Nope', data: {} } as never)).rejects.toBeInstanceOf(EventValidationError);
    expect(statSync(join(dir, 'counter.jsonl')).size).toBe(size);
    expect(store.version()).toBe(1);
  });

  it('rejects an event its reducer throws on, appends nothing, and keeps serving', async () => {
    const dir = tempDir();
    const store = counter(dir);
    await store.dispatch(added(999));
    const size = statSync(join(dir, 'counter.jsonl')).size;
    const rejected = store.dispatch(added(5));
    await expect(rejected).rejects.toBeInstanceOf(EventRejectedError);
    await expect(rejected).rejects.toThrow(/over 1000/);
    expect(statSync(join(dir, 'counter.jsonl')).size).toBe(size);
    expect(store.snapshot().total).toBe(999);
    await expect(store.dispatch(added(1))).resolves.toMatchObject({ seq: 2 });
  });

  it('decides a batch against its running state: rejects only the event that the earlier ones in the batch make too much', async () => {
    const store = counter(tempDir());
    await store.ready;
    const results = await Promise.allSettled([store.dispatch(added(600)), store.dispatch(added(600)), store.dispatch(added(400))]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(store.snapshot()).toEqual({ total: 1000, values: [600, 400] });
    expect(store.version()).toBe(2);
  });

  it('treats a repeated client id as the same event: returns the recorded one, appends nothing', async () => {
    const dir = tempDir();
    const store = counter(dir);
    const first = await store.dispatch(added(3, 'client-key-1'));
    const again = await store.dispatch(added(100, 'client-key-1'));
    expect(again).toEqual(first);
    expect(logLines(dir)).toHaveLength(1);
    // the same id twice within one group commit
    const [a, b] = await Promise.all([store.dispatch(added(1, 'k2')), store.dispatch(added(1, 'k2'))]);
    expect(b).toEqual(a);
    expect(logLines(dir)).toHaveLength(2);
    expect(store.snapshot().total).toBe(4);
  });

  it('tells apart two client ids whose index hashes collide, also after a restart', async () => {
    const byHash = new Map<number, string>();
    let pair: [string, string] | undefined;
    for (let i = 0; !pair; i++) {
      const id = `key-${i}`;
      const other = byHash.get(hashId(id));
      if (other !== undefined) pair = [other, id];
      else byHash.set(hashId(id), id);
    }
    const [a, b] = pair;
    const dir = tempDir();
    const store = counter(dir);
    await store.ready;
    const first = await store.dispatch(added(1, a));
    const second = await store.dispatch(added(2, b));
    expect(second.seq).toBe(2);
    expect(await store.dispatch(added(9, a))).toEqual(first);
    await store.close();
    const again = counter(dir);
    await again.ready;
    expect(await again.dispatch(added(9, b))).toEqual(second);
    expect(again.version()).toBe(2);
  });

  it('group-commits concurrent dispatches: one fsync for many events, order kept', async () => {
    const dir = tempDir();
    let datasyncs = 0;
    const files: FileLayer = {
      ...nodeFiles,
      async openAppend(file) {
        const handle = await nodeFiles.openAppend(file);
        return { ...handle, datasync: () => (datasyncs++, handle.datasync()) };
      },
    };
    const store = counter(dir, { files });
    await store.dispatch(added(0));
    datasyncs = 0;
    const events = await Promise.all(Array.from({ length: 200 }, (_, i) => store.dispatch(added(i % 2))));
    expect(events.map((e) => e.seq)).toEqual(Array.from({ length: 200 }, (_, i) => i + 2));
    expect(datasyncs).toBeGreaterThan(0);
    expect(datasyncs).toBeLessThan(10);
    expect(logLines(dir).map((l) => JSON.parse(l).seq)).toEqual(Array.from({ length: 201 }, (_, i) => i + 1));
  });

  it('resolves only after the bytes are on disk: fsynced, so a crash right after the ack keeps them', async () => {
    const files = new CrashableFiles();
    const store = counter(tempDir(), { files });
    const event = await store.dispatch(added(42));
    const crashed = files.crash();
    expect(logLines(crashed).map((l) => JSON.parse(l))).toEqual([event]);
  });
});

describe('replay', () => {
  it('gives the same state after a restart as the live store had', async () => {
    const dir = tempDir();
    const live = counter(dir);
    for (let i = 0; i < 50; i++) await live.dispatch(i % 10 === 9 ? { type: 'Reset', data: {} } : added(i));
    const liveState = live.snapshot();
    await live.close();
    const reopened = counter(dir);
    await reopened.ready;
    expect(reopened.snapshot()).toEqual(liveState);
    expect(reopened.version()).toBe(50);
    await expect(reopened.dispatch(added(1))).resolves.toMatchObject({ seq: 51 });
  });

  it('equals folding the reducer over the log', async () => {
    const dir = tempDir();
    const store = counter(dir);
    await Promise.all(Array.from({ length: 30 }, (_, i) => store.dispatch(added(i))));
    await store.close();
    const events = logLines(dir).map((l) => JSON.parse(l) as EnvelopeOf<CounterEvent>);
    const folded = events.reduce(evolveCounter, initialCounter);
    const reopened = counter(dir);
    await reopened.ready;
    expect(reopened.snapshot()).toEqual(folded);
  });

  it('remembers client ids across a restart', async () => {
    const dir = tempDir();
    const store = counter(dir);
    const first = await store.dispatch(added(1, 'same'));
    await store.close();
    const reopened = counter(dir);
    expect(await reopened.dispatch(added(1, 'same'))).toEqual(first);
    expect(reopened.version()).toBe(1);
  });

  it('reads an initial state from a function once at boot', async () => {
    const init = vi.fn(() => ({ total: 10, values: [10] }));
    const store = counter(tempDir(), { initialState: init });
    await store.dispatch(added(1));
    expect(store.snapshot()).toEqual({ total: 11, values: [10, 1] });
    expect(init).toHaveBeenCalledTimes(1);
  });
});

describe('subscribe, read and stateAt', () => {
  it('notifies subscribers in log order with the state after each event, until they unsubscribe', async () => {
    const store = counter(tempDir());
    const seen: [number, number][] = [];
    const unsubscribe = store.subscribe((event, state) => seen.push([event.seq, state.total]));
    await Promise.all([store.dispatch(added(1)), store.dispatch(added(2)), store.dispatch(added(3))]);
    unsubscribe();
    await store.dispatch(added(4));
    expect(seen).toEqual([
      [1, 1],
      [2, 3],
      [3, 6],
    ]);
  });

  it('rebuilds the state as of any event, across checkpoints', async () => {
    const store = counter(tempDir(), { checkpointEvery: 7 });
    for (let i = 1; i <= 40; i++) await store.dispatch(i === 20 ? { type: 'Reset', data: {} } : added(i));
    const events = await store.read(1);
    expect(events.map((e) => e.seq)).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
    for (const seq of [0, 1, 6, 7, 8, 19, 20, 21, 39, 40]) {
      expect(await store.stateAt(seq)).toEqual(events.slice(0, seq).reduce(evolveCounter, initialCounter));
    }
    await expect(store.stateAt(41)).rejects.toThrow(RangeError);
    await expect(store.stateAt(-1)).rejects.toThrow(RangeError);
  });

  it('reads a range of recorded events', async () => {
    const store = counter(tempDir());
    for (let i = 1; i <= 5; i++) await store.dispatch(added(i));
    expect((await store.read(2, 4)).map((e) => e.data)).toEqual([{ n: 2 }, { n: 3 }, { n: 4 }]);
    expect(await store.read(6)).toEqual([]);
  });
});
