// Boots only the orderbook store on an events directory and prints one JSON line:
// { store, snapshots, events, replayMs, replayCpuMs, rssBytes, heapUsedBytes }. CPU time is
// printed beside wall time: on a shared machine the wall time includes waiting for a core.
// Run by bench/boot.mjs in a fresh process per measurement:
//   node --conditions=react-server --import tsx bench/boot-child.ts <dir>
import { performance } from 'node:perf_hooks';
import { createStore } from '../lib/eventstore';
import { backend } from '../lib/eventstore/backend';
import { DEFAULT_DEPTH } from '../lib/orderbook/state';
import { orderbookStoreOptions } from '../lib/orderbook/store';

async function main() {
  const [dir] = process.argv.slice(2);
  if (!dir) throw new Error('usage: boot-child.ts <events dir>');
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  // The options read the init file (its hash is part of the snapshot version): part of the boot.
  const options = orderbookStoreOptions({ dir, depth: DEFAULT_DEPTH, warn: () => {} });
  // The backend the server would choose (DATABASE_URL: the log and the snapshot are read from PostgreSQL).
  const store = createStore(backend().withLog(options));
  await store.ready;
  const replayMs = performance.now() - started;
  const cpu = process.cpuUsage(cpuBefore);
  const { rss, heapUsed, heapTotal, external, arrayBuffers } = process.memoryUsage();
  const snapshots = options.snapshot ? `every ${options.snapshot.every ?? 10_000} events` : 'off';
  console.log(
    JSON.stringify({
      store: 'orderbook',
      snapshots,
      events: store.version(),
      replayMs: Math.round(replayMs),
      replayCpuMs: Math.round((cpu.user + cpu.system) / 1000),
      rssBytes: rss,
      heapUsedBytes: heapUsed,
      heapTotalBytes: heapTotal,
      externalBytes: external,
      arrayBufferBytes: arrayBuffers,
    }),
  );
  await store.close();
  // The database's connection pool would keep the process alive.
  process.exit(0);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
