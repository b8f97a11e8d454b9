// Boots only the orderbook store on an events directory and prints one JSON line:
// { store, snapshots, events, replayMs, replayCpuMs, rssBytes, heapUsedBytes }. CPU time is
// printed beside wall time: on a shared machine the wall time includes waiting for a core.
// Run by bench/run.mjs in a fresh process per measurement:
//   node --conditions=react-server --import tsx bench/boot-child.ts <dir> [real|standin]
import { performance } from 'node:perf_hooks';
import { createStore, type StoreOptions } from '../lib/eventstore';

type AnyOptions = StoreOptions<unknown, { type: string; data: unknown }>;

/**
 * The real orderbook's store options when lib/orderbook exists in this tree, else undefined:
 * an options object, or a function named like `orderbookStoreOptions` taking `{ dir, depth }`
 * (or the directory). No other export is called: one might open the process-wide store.
 */
async function realOrderbookOptions(dir: string): Promise<AnyOptions | undefined> {
  for (const path of ['../lib/orderbook/store-options', '../lib/orderbook/store']) {
    let mod: Record<string, unknown>;
    try {
      mod = await import(path);
    } catch (err) {
      // Absent only if the module itself is missing; a missing import inside it is a real error.
      const missing = /Cannot find module '([^']+)'/.exec(String(err))?.[1] ?? '';
      if ((err as NodeJS.ErrnoException).code === 'ERR_MODULE_NOT_FOUND' && missing.includes(path.slice(2))) continue;
      throw err;
    }
    for (const [name, value] of Object.entries(mod)) {
      const candidates: unknown[] = [];
      if (typeof value === 'function' && /StoreOptions$/.test(name)) {
        const make = value as (arg: unknown) => unknown;
        candidates.push(make({ dir, depth: 100, warn: () => {} }));
        if (!isOptions(candidates[0])) candidates.push(make(dir));
      } else candidates.push(value);
      const options = candidates.find(isOptions);
      if (options) return { ...options, dir };
    }
    throw new Error(`${path} exports no store options (an object, or a function named *StoreOptions of { dir, depth })`);
  }
  return undefined;
}

const isOptions = (value: unknown): value is AnyOptions =>
  typeof value === 'object' && value !== null && 'reducer' in value && 'schema' in value && 'name' in value;

async function main() {
  const [dir, which = 'real'] = process.argv.slice(2);
  if (!dir) throw new Error('usage: boot-child.ts <events dir> [real|standin]');
  let store = 'orderbook';
  let options = which === 'real' ? await realOrderbookOptions(dir) : undefined;
  if (!options) {
    if (which === 'real') {
      console.log(JSON.stringify({ store: 'orderbook not present' }));
      return;
    }
    const { standinOrderbookOptions } = await import('./standin-orderbook');
    options = standinOrderbookOptions(dir) as unknown as AnyOptions;
    store = 'stand-in orderbook reducer (bench/standin-orderbook.ts)';
  }
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  const s = createStore({ ...options, warn: () => {} });
  await s.ready;
  const replayMs = performance.now() - started;
  const cpu = process.cpuUsage(cpuBefore);
  const { rss, heapUsed } = process.memoryUsage();
  const snapshots = options.snapshot ? `every ${options.snapshot.every ?? 10_000} events` : 'off';
  console.log(JSON.stringify({ store, snapshots, events: s.version(), replayMs: Math.round(replayMs), replayCpuMs: Math.round((cpu.user + cpu.system) / 1000), rssBytes: rss, heapUsedBytes: heapUsed }));
  await s.close();
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
