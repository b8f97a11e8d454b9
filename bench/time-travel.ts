// How fast is time travel, and what do the kernel's checkpoints cost in memory?
//   npm run bench:time-travel -- [events=10000] [steps=10000] [checkpointEvery=1000]
// Writes a synthetic media log, boots it without and with checkpoints (heap after a full GC),
// then steps back through the last `steps` events one at a time with stateAt, then forward again,
// and reports the time per step and the longest the event loop was blocked.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { createStore, type Store } from '../lib/eventstore';
import { mediaEventSchema, type MediaEvent } from '../lib/media/events';
import { initialMediaState, evolveMedia, type MediaState } from '../lib/media/projection';
import { decideMedia } from '../lib/media/decide';
import { syntheticMediaLog } from '../lib/media/testing/synthetic-media-log';

const count = Number(process.argv[2] ?? 10_000);
const steps = Math.min(Number(process.argv[3] ?? 10_000), count);
const every = Number(process.argv[4] ?? 1000);
const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with node --expose-gc');

const log = syntheticMediaLog(count);
const dir = mkdtempSync(join(tmpdir(), 'shelf-bench-tt-'));
writeFileSync(join(dir, 'media.jsonl'), log.text);
console.log(`log: ${count} events, ${(Buffer.byteLength(log.text) / 1e6).toFixed(1)} MB, ${log.entries} entries`);
log.events.length = 0; // keep only the file

const open = (checkpointEvery?: number): Store<MediaState, MediaEvent> =>
  createStore({ name: 'media', dir, initialState: initialMediaState, evolve: evolveMedia, decide: decideMedia, schema: mediaEventSchema, checkpointEvery });

async function heapOfBoot(checkpointEvery: number) {
  gc!();
  const before = process.memoryUsage().heapUsed;
  const t0 = performance.now();
  const store = open(checkpointEvery);
  await store.ready;
  const bootMs = performance.now() - t0;
  gc!();
  const after = process.memoryUsage().heapUsed;
  return { store, bootMs, heapMB: (after - before) / 1e6 };
}

const mb = (n: number) => `${n.toFixed(1)} MB`;
const bare = await heapOfBoot(Number.MAX_SAFE_INTEGER);
await bare.store.close();
const withCheckpoints = await heapOfBoot(every);
const store = withCheckpoints.store;
console.log(`boot without checkpoints: ${bare.bootMs.toFixed(0)} ms, heap +${mb(bare.heapMB)}`);
console.log(
  `boot with a checkpoint every ${every}: ${withCheckpoints.bootMs.toFixed(0)} ms, heap +${mb(withCheckpoints.heapMB)} ` +
    `(checkpoints: ${mb(withCheckpoints.heapMB - bare.heapMB)})`,
);

const loop = monitorEventLoopDelay({ resolution: 1 });
async function step(label: string, seqs: number[]) {
  const times: number[] = [];
  gc!();
  const heapBefore = process.memoryUsage().heapUsed;
  loop.reset();
  loop.enable();
  const t0 = performance.now();
  for (const seq of seqs) {
    const t = performance.now();
    await store.stateAt(seq);
    times.push(performance.now() - t);
    await new Promise((r) => setImmediate(r)); // let the loop monitor see each step
  }
  const total = performance.now() - t0;
  loop.disable();
  gc!();
  const heapAfter = process.memoryUsage().heapUsed;
  times.sort((a, b) => a - b);
  const q = (p: number) => times[Math.min(times.length - 1, Math.floor(p * times.length))]!.toFixed(2);
  console.log(
    `${label}: ${seqs.length} steps in ${(total / 1000).toFixed(2)} s; per step mean ${(total / seqs.length).toFixed(2)} ms, ` +
      `p50 ${q(0.5)} ms, p99 ${q(0.99)} ms, max ${times.at(-1)!.toFixed(2)} ms; ` +
      `event loop blocked at most ${(loop.max / 1e6).toFixed(1)} ms; heap retained after ${mb((heapAfter - heapBefore) / 1e6)}`,
  );
}

const last = store.version();
const back = Array.from({ length: steps }, (_, i) => last - i);
await step(`step back from #${last} to #${last - steps + 1}`, back);
await step(`step forward from #${last - steps + 1} to #${last}`, back.slice().reverse());
const rnd = (() => {
  let x = 7;
  return () => ((x = (x * 48271) % 2147483647) / 2147483647);
})();
await step('random jumps', Array.from({ length: 50 }, () => 1 + Math.floor(rnd() * last)));
await store.close();
