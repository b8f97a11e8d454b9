import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { collect } from './testing/collect';
import { afterEach, describe, expect, it } from 'vitest';
import { StateCache } from './state-cache';
import { evolveCounter, initialCounter, openCounter, tempDir, type CounterEvent, type CounterState } from './testing/counter';
import type { EnvelopeOf, Store } from './types';

const open: Store<CounterState, CounterEvent>[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((s) => s.close()));
});

/** A counter store whose reducer counts its calls (and can be made slow), holding `count` events. */
async function countingStore(count: number, extra: Parameters<typeof openCounter>[1] = {}) {
  const probe = { calls: 0, slowMs: 0 };
  const reducer = (state: CounterState, event: EnvelopeOf<CounterEvent>) => {
    probe.calls++;
    for (const until = performance.now() + probe.slowMs; performance.now() < until; );
    return evolveCounter(state, event);
  };
  const dir = tempDir();
  const store = openCounter(dir, { evolve: reducer, ...extra });
  open.push(store);
  await store.ready;
  for (let i = 1; i <= count; i++) await store.dispatch(i % 50 === 0 ? { type: 'Reset', data: {} } : { type: 'Added', data: { n: i % 7 } });
  const events = await store.read(1);
  const expected = (seq: number) => events.slice(0, seq).reduce(evolveCounter, initialCounter);
  probe.calls = 0;
  return { store, probe, expected, dir };
}

describe('stateAt', () => {
  it('rebuilds the exact state for any order of requests, whatever the checkpoints and cache hold', async () => {
    const { store, expected } = await countingStore(300, { checkpointEvery: 50, stateCacheSize: 10 });
    await fc.assert(
      fc.asyncProperty(fc.array(fc.integer({ min: 0, max: 300 }), { minLength: 1, maxLength: 40 }), async (seqs) => {
        for (const seq of seqs) expect(await store.stateAt(seq)).toEqual(expected(seq));
      }),
      { numRuns: 30 },
    );
  });

  it('tells how many events a stateAt would replay, and that is how many it replays', async () => {
    const { store, probe } = await countingStore(300, { checkpointEvery: 100 });
    expect(store.replayDistance(300)).toBe(0);
    expect(store.replayDistance(150)).toBe(50); // from the checkpoint at 100
    expect(store.replayDistance(250)).toBe(250 - 224); // from a tail bookmark (every 32 events)
    await store.stateAt(150);
    expect(probe.calls).toBe(50);
    expect(store.replayDistance(150)).toBe(0); // kept now
    expect(store.replayDistance(299)).toBe(299 - 288); // the newest tail bookmark (every 32 events)
  });

  it('answers the current seq with the live state, replaying nothing', async () => {
    const { store, probe } = await countingStore(20);
    expect(await store.stateAt(20)).toBe(store.snapshot());
    expect(probe.calls).toBe(0);
  });

  it('steps back and forth one event at a time for about one reducer call per step', async () => {
    const { store, probe, expected } = await countingStore(600, { checkpointEvery: 1000 });
    expect(await store.stateAt(400)).toEqual(expected(400));
    expect(probe.calls).toBe(400); // the first jump replays from the nearest checkpoint (the initial state)

    const stepCosts: number[] = [];
    for (let seq = 399; seq >= 1; seq--) {
      const before = probe.calls;
      expect(await store.stateAt(seq)).toEqual(expected(seq));
      stepCosts.push(probe.calls - before);
    }
    expect(Math.max(...stepCosts)).toBeLessThan(32);
    expect(stepCosts.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(399);

    for (let seq = 2; seq <= 420; seq++) {
      const before = probe.calls;
      expect(await store.stateAt(seq)).toEqual(expected(seq));
      expect(probe.calls - before).toBeLessThanOrEqual(1);
    }
  });

  it('builds a state of the recent past from a bookmark of the live state, not from the last checkpoint', async () => {
    const { store, probe, expected } = await countingStore(700, { checkpointEvery: 1000 });
    expect(await store.stateAt(650)).toEqual(expected(650));
    expect(probe.calls).toBeLessThan(32);
  });

  it('gives the event loop back during a long replay', async () => {
    const { store, probe } = await countingStore(300, { checkpointEvery: 1000, stateCacheSize: 0 });
    probe.slowMs = 1;
    const seenMidway: number[] = [];
    let done = false;
    const tick = () => {
      if (done) return;
      if (probe.calls > 0 && probe.calls < 150) seenMidway.push(probe.calls);
      setImmediate(tick);
    };
    setImmediate(tick);
    await store.stateAt(150); // the live bookmarks are all later: a replay of 150 events from the start
    done = true;
    expect(probe.calls).toBe(150);
    expect(seenMidway.length).toBeGreaterThan(0);
  });
});

describe('export', () => {
  it('is the log file up to the last committed event', async () => {
    const { store, dir } = await countingStore(10);
    const exported = async () => Buffer.concat(await collect(store.export()));
    expect((await exported()).equals(readFileSync(join(dir, 'counter.jsonl')))).toBe(true);
    await expect(store.dispatch({ type: 'Added', data: { n: 5000 } })).rejects.toThrow(/over 1000/);
    expect((await exported()).equals(readFileSync(join(dir, 'counter.jsonl')))).toBe(true);
  });
});

describe('StateCache', () => {
  it('evicts the least recently used state and finds the nearest one below a seq', () => {
    const cache = new StateCache<string>(3);
    cache.set(10, 'a');
    cache.set(20, 'b');
    cache.set(30, 'c');
    cache.get(10);
    cache.set(40, 'd'); // evicts 20, the least recently used
    expect(cache.get(20)).toBeUndefined();
    expect(cache.floor(35, 0)).toEqual({ seq: 30, state: 'c' });
    expect(cache.floor(35, 31)).toBeUndefined();
    expect(cache.floor(9, 0)).toBeUndefined();
    expect(cache.size).toBe(3);
  });

  it('keeps nothing with a capacity of 0', () => {
    const cache = new StateCache<string>(0);
    cache.set(1, 'a');
    expect(cache.get(1)).toBeUndefined();
  });
});
