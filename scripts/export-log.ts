// npm run export-log -- <store>
// Prints a store's log as JSON lines (events/README.md) from the configured backend: the
// database named by DATABASE_URL, else <EVENTS_DIR>/<store>.jsonl (complete lines only), so that
// backups and `verify-log` work the same on both.
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { once } from 'node:events';
import { databaseLogChunks, fileLogChunks } from '../lib/eventstore/export';
import { connectDatabase } from '../lib/eventstore/postgres/connection';
import { lastSeq } from '../lib/eventstore/postgres/event-log';
import { scanLines } from '../lib/eventstore/log-lines';

const store = process.argv[2];
if (!store || process.argv.length > 3 || !/^[a-z][a-z0-9-]*$/.test(store)) {
  console.error('usage: npm run export-log -- <store>   (e.g. media, orderbook)');
  process.exit(2);
}

async function write(chunk: Buffer): Promise<void> {
  if (!process.stdout.write(chunk)) await once(process.stdout, 'drain');
}

const url = process.env.DATABASE_URL;
if (url) {
  let sql;
  try {
    sql = await connectDatabase(url);
  } catch (err) {
    console.error(`export-log: ${(err as Error).message}`);
    process.exit(1);
  }
  const last = await lastSeq(sql, store);
  if (last === 0) console.error(`export-log: the database has no events of ${store}`);
  for await (const chunk of databaseLogChunks(sql, store, last)) await write(chunk);
  await sql.end({ timeout: 1 });
} else {
  const file = join(resolve(process.env.EVENTS_DIR || 'events'), `${store}.jsonl`);
  if (!existsSync(file)) {
    console.error(`export-log: no log ${file}`);
    process.exit(1);
  }
  // Up to the end of the last complete line: a write in flight is not part of the copy.
  let size = 0;
  for (const line of scanLines(file)) if (line.terminated) size = line.offset + Buffer.byteLength(line.text) + 1;
  for await (const chunk of fileLogChunks(file, size)) await write(chunk);
}
