// Boots only the orderbook store on an events directory and prints one JSON line:
// { store, snapshots, events, replayMs, replayCpuMs, rssBytes, heapUsedBytes }. CPU time is
// printed beside wall time: on a shared machine the wall time includes waiting for a core.
// Run by bench/run.mjs in a fresh process per measurement:
//   node --conditions=react-server --import tsx bench/boot-child.ts <dir> [real|standin]
import { performance } from 'node:perf_hooks';
import { createStore, type StoreOptions } from '../lib/eventstore';

type AnyOptions = StoreOptions<unknown, { type: string; data: unknown }>;

/** The real orderbook's store options when lib/orderbook exists in this tree, else undefined. */
async function realOrderbookOptions(dir: string): Promise<AnyOptions | undefined> {
  let mod: Record<string, unknown>;
  try {
    mod = await import('../lib/orderbook/store-options' as string);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ERR_MODULE_NOT_FOUND' || /Cannot find module/.test(String(err))) return undefined;
    throw err;
  }
  // Accept either an options object or a function of the directory that returns one.
  for (const value of Object.values(mod)) {
    const candidate = typeof value === 'function' ? (value as (d: string) => unknown)(dir) : value;
    if (candidate && typeof candidate === 'object' && 'reducer' in candidate && 'schema' in candidate) {
      return { ...(candidate as AnyOptions), dir };
    }
  }
  throw new Error('lib/orderbook/store-options exports no store options (an object or a function of dir with reducer and schema)');
}

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
