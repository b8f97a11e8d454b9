// npm run export-log -- <store>
// Prints a store's log as JSON lines (events/README.md) from the backend the server would use
// (lib/eventstore/backend.ts: the database when DATABASE_URL is set, else <EVENTS_DIR>/<store>.jsonl,
// complete lines only), so that backups and `verify-log` work the same on both.
import { once } from 'node:events';
import { chooseBackend } from '../lib/eventstore/backend';

const store = process.argv[2];
if (!store || process.argv.length > 3 || !/^[a-z][a-z0-9-]*$/.test(store)) {
  console.error('usage: npm run export-log -- <store>   (e.g. media, orderbook)');
  process.exit(2);
}

const backend = chooseBackend(process.env);
let chunks: AsyncIterable<Buffer> | undefined;
try {
  chunks = await backend.exportLog(store);
} catch (err) {
  console.error(`export-log: ${(err as Error).message}`);
  process.exit(1);
}
if (!chunks) {
  console.error(`export-log: no log of ${store} in the ${backend.kind === 'files' ? 'events directory' : 'database'}`);
  process.exit(backend.kind === 'files' ? 1 : 0);
}
for await (const chunk of chunks) if (!process.stdout.write(chunk)) await once(process.stdout, 'drain');
await backend.close();
