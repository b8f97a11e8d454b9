import { afterEach, describe, expect, it } from 'vitest';
import { Processor, TrackingProcessor, type CheckpointStore } from './processor';
import { openCounter, tempDir, type CounterEvent } from './testing/counter';
import type { EnvelopeOf, Store } from './types';
import type { CounterState } from './testing/counter';

const stores: Store<CounterState, CounterEvent>[] = [];
afterEach(async () => void (await Promise.all(stores.splice(0).map((s) => s.close()))));

async function counterWith(n: number) {
  const store = openCounter(tempDir());
  stores.push(store);
  for (let i = 1; i <= n; i++) await store.dispatch({ type: 'Added', data: { n: i } });
  return store;
}

function memoryCheckpoint(seq?: number): CheckpointStore & { writes: number[] } {
  const writes: number[] = [];
  return { writes, read: async () => (writes.length ? writes.at(-1) : seq), write: async (s) => void writes.push(s) };
}

const until = async (done: () => boolean) => {
  for (let i = 0; i < 200 && !done(); i++) await new Promise((r) => setTimeout(r, 5));
};

describe('the checkpointed processor', () => {
  it('starts at the end of the log without a checkpoint, then handles each new event once and saves its position', async () => {
    const store = await counterWith(3);
    const checkpoint = memoryCheckpoint();
    const seen: number[] = [];
    const processor = new Processor<CounterEvent>({ name: 'test', source: store, checkpoint, handle: async (e) => void seen.push(e.seq), log: { info() {}, warn() {}, error() {} } });
    await processor.start();
    expect(checkpoint.writes).toEqual([3]);
    await store.dispatch({ type: 'Added', data: { n: 4 } });
    await store.dispatch({ type: 'Added', data: { n: 5 } });
    await until(() => processor.position() === 5);
    expect(seen).toEqual([4, 5]);
    expect(processor.position()).toBe(5);
    await processor.stop();
  });

  it('resumes after its checkpoint, and keeps the checkpoint before an event whose work is still held', async () => {
    const store = await counterWith(6);
    const checkpoint = memoryCheckpoint(2);
    const releases = new Map<number, () => void>();
    const seen: number[] = [];
    const handle = async (event: EnvelopeOf<CounterEvent>, { hold }: { hold(): () => void }) => {
      seen.push(event.seq);
      if (event.seq === 4) releases.set(4, hold());
    };
    const processor = new Processor<CounterEvent>({ name: 'test', source: store, checkpoint, handle });
    await processor.start();
    await until(() => seen.length === 4);
    await processor.settle();
    expect(seen).toEqual([3, 4, 5, 6]);
    expect(processor.position()).toBe(3); // 4 is held
    releases.get(4)!();
    await until(() => processor.position() === 6);
    expect(processor.position()).toBe(6);
    await processor.stop();
  });
});

describe('stopping a processor whose work outlives its handler', () => {
  const quiet = { info() {}, warn() {}, error() {} };
  /** A processor whose handler starts a "send" per event that finishes when the test says, then records its outcome. */
  function sender(store: Store<CounterState, CounterEvent>, checkpoint: CheckpointStore, stopGraceMs: number) {
    const sends = new Map<number, { finish(): void; signal: AbortSignal }>();
    const recorded: number[] = [];
    let waits = 0;
    const processor: TrackingProcessor<CounterEvent> = new TrackingProcessor<CounterEvent>({
      name: 'sender',
      source: store,
      checkpoint,
      log: quiet,
      stopGraceMs,
      handle: async (event, { hold }) => {
        const release = hold();
        const job = (async () => {
          if (event.data.n === 0) {
            // A backoff: a stop cuts it short, and nothing is sent.
            waits++;
            await new Promise((resolve) => processor.stopSignal.addEventListener('abort', resolve, { once: true }));
            return;
          }
          if (processor.isStopped) return; // no new send once stopping
          const signal = processor.abort.signal;
          await new Promise<void>((resolve) => {
            sends.set(event.seq, { finish: resolve, signal });
            signal.addEventListener('abort', () => resolve(), { once: true });
          });
          if (signal.aborted) return; // cut off: unknown, not recorded
          recorded.push(event.seq);
          release();
        })();
        processor.track(job);
      },
    });
    return { processor, sends, recorded, waits: () => waits };
  }

  it('starts nothing new, ends waits at once, and lets a send in flight finish and be recorded', async () => {
    const store = await counterWith(0);
    const checkpoint = memoryCheckpoint(0);
    const { processor, sends, recorded, waits } = sender(store, checkpoint, 5_000);
    await processor.start();
    await store.dispatch({ type: 'Added', data: { n: 0 } }); // seq 1: waiting
    await store.dispatch({ type: 'Added', data: { n: 1 } }); // seq 2: in flight
    await until(() => sends.has(2) && waits() === 1);
    const stopped = processor.stop();
    await store.dispatch({ type: 'Added', data: { n: 2 } }); // seq 3: after the stop began, never handled
    await new Promise((r) => setTimeout(r, 50));
    expect(sends.get(2)!.signal.aborted).toBe(false); // still given its time
    sends.get(2)!.finish();
    await stopped;
    expect(recorded).toEqual([2]);
    expect(sends.has(3)).toBe(false);
    expect(processor.abort.signal.aborted).toBe(false); // all of it (the wait too) ended within the grace
    expect(processor.stop()).toBe(stopped); // one stop, whoever asks
  });

  it('gives up a send still in flight when the grace is over: aborted, not recorded, the checkpoint before it', async () => {
    const store = await counterWith(0);
    const checkpoint = memoryCheckpoint(0);
    const { processor, sends, recorded } = sender(store, checkpoint, 100);
    await processor.start();
    await store.dispatch({ type: 'Added', data: { n: 1 } });
    await until(() => sends.has(1));
    await processor.stop();
    expect(sends.get(1)!.signal.aborted).toBe(true);
    expect(recorded).toEqual([]);
    expect(processor.position()).toBe(0);
  });
});

