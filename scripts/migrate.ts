// npm run migrate -- <events dir>
// Copies every <store>.jsonl of the directory into the database named by DATABASE_URL (same seq,
// id, type, at, data). A store that already has events there is refused, never merged. Exit 1 if
// any store was refused, 2 for a usage error.
import { existsSync, statSync } from 'node:fs';
import { databaseUrl } from '../lib/eventstore/backend';
import { connectDatabase } from '../lib/eventstore/postgres/connection';
import { migrateDirectory } from '../lib/eventstore/postgres/migrate';

const dir = process.argv[2];
const url = databaseUrl();
if (!dir || process.argv.length > 3 || !existsSync(dir) || !statSync(dir).isDirectory()) {
  console.error('usage: DATABASE_URL=postgres://... npm run migrate -- <events dir>');
  process.exit(2);
}
if (!url) {
  console.error('migrate: set DATABASE_URL to the database to copy into');
  process.exit(2);
}
let sql;
try {
  sql = await connectDatabase(url);
} catch (err) {
  console.error(`migrate: ${(err as Error).message}`);
  process.exit(1);
}
const results = await migrateDirectory(sql, dir);
await sql.end({ timeout: 1 });
if (results.length === 0) console.log(`migrate: no <store>.jsonl in ${dir}`);
for (const r of results) console.log(r.ok ? `${r.store}: copied ${r.events} events` : `${r.store}: refused: ${r.reason}`);
process.exit(results.every((r) => r.ok) ? 0 : 1);
