import { afterEach, describe, expect, it } from 'vitest';
import { Processor, type CheckpointStore } from './processor';
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
