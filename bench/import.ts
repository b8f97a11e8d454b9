// How long does a 10,000-row import take (the target: under 10 s)?
//   npm run bench:import -- [rows=10000]
//   BENCH_IMPORT_URL=http://127.0.0.1:3000 ADMIN_TOKEN=... npm run bench:import   (through a running server's POST /api/import)
// Writes a Goodreads library export of `rows` read books (quoted multi-line reviews, ="..." ISBN
// cells, a BOM), then on a fresh events directory: the preview (dry run), the import, a re-import
// (adds nothing), and a boot that replays the log it wrote.
import { mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { IMPORT_BATCH } from '../lib/media/commands';
import { createMediaStore, mediaStore, readyMediaStore } from '../lib/media/store';
import { runImport } from '../lib/import/run';
import { goodreadsExport } from './goodreads-csv.mjs';

const rows = Number(process.argv[2] ?? 10_000);
process.env.EVENTS_DIR = mkdtempSync(join(tmpdir(), 'shelf-bench-import-'));

const file = goodreadsExport(rows);

/** Wall time, and this process's CPU time, which a busy shared machine does not inflate as much. */
const time = async <T>(what: string, run: () => Promise<T>) => {
  const start = performance.now();
  const cpu = process.cpuUsage();
  const value = await run();
  const used = process.cpuUsage(cpu);
  console.log(`${what}: ${((performance.now() - start) / 1000).toFixed(2)} s wall, ${((used.user + used.system) / 1e6).toFixed(2)} s CPU`);
  return value;
};

console.log(`${rows} Goodreads rows, ${(file.byteLength / 1e6).toFixed(1)} MB; dispatched in batches of ${IMPORT_BATCH}`);
const server = process.env.BENCH_IMPORT_URL;
if (server) {
  const post = async (query: string) => {
    const response = await fetch(`${server}/api/import?source=goodreads${query}`, { method: 'POST', body: new Blob([file]), headers: { authorization: `Bearer ${process.env.ADMIN_TOKEN}` } });
    if (!response.ok) throw new Error(`POST /api/import: ${response.status} ${await response.text()}`);
    return (await response.json()).summary;
  };
  console.log('preview', await time('HTTP preview (dry run)', () => post('&dryRun=1')));
  console.log('import', await time('HTTP import', () => post('')));
  console.log('re-import', await time('HTTP re-import', () => post('')));
  process.exit(0);
}
await readyMediaStore();
const preview = await time('preview (dry run)', () => runImport({ source: 'goodreads', bytes: file, dryRun: true }));
const imported = await time('import', () => runImport({ source: 'goodreads', bytes: file, dryRun: false }));
const again = await time('re-import (adds nothing)', () => runImport({ source: 'goodreads', bytes: file, dryRun: false }));
const store = await readyMediaStore();
console.log(`summaries: preview new=${preview.summary.new}, import new=${imported.summary.new}, re-import new=${again.summary.new} alreadyImported=${again.summary.alreadyImported}`);
console.log(`log: ${store.version()} events, ${(statSync(join(process.env.EVENTS_DIR!, 'media.jsonl')).size / 1e6).toFixed(1)} MB`);
await mediaStore().close();
// The replay runs from the constructor on: time both.
const replay = await time('boot (replay of the imported log)', async () => {
  const store = createMediaStore(process.env.EVENTS_DIR!);
  await store.ready;
  return store;
});
await replay.close();
