// npm run migrate -- <events dir>
// Copies an install on files into the database named by DATABASE_URL: every <store>.jsonl of the
// directory (same seq, id, type, at, data), the documents a running server keeps (settings, the
// admin's password hash and sessions, IndieAuth's grants, the hooks' settings and secret), the
// key-value namespaces that are not caches (the actor's keys) and the processors' checkpoints. What
// the database already holds is refused, never merged. Exit 1 if anything was refused, 2 for a
// usage error.
import { existsSync, statSync } from 'node:fs';
import { databaseUrl } from '../lib/eventstore/backend';
import { connectDatabase } from '../lib/eventstore/postgres/connection';
import { migrateDirectory } from '../lib/eventstore/postgres/migrate';
import { migrateCheckpoints, migrateDocument, migrateKeyValue, type CopyResult } from '../lib/eventstore/postgres/migrate-documents';
import { DOCUMENTS, KEPT_NAMESPACES } from '../lib/stores/documents';

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
const copies: CopyResult[] = [];
for (const definition of DOCUMENTS) {
  const result = await migrateDocument(sql, dir, definition);
  if (result) copies.push(result);
}
for (const namespace of KEPT_NAMESPACES) {
  const result = await migrateKeyValue(sql, dir, namespace);
  if (result) copies.push(result);
}
copies.push(...(await migrateCheckpoints(sql, dir)));
await sql.end({ timeout: 1 });
if (results.length === 0) console.log(`migrate: no <store>.jsonl in ${dir}`);
for (const r of results) console.log(r.ok ? `${r.store}: copied ${r.events} events` : `${r.store}: refused: ${r.reason}`);
for (const c of copies) console.log(c.ok ? `${c.what}: ${c.copied}` : `${c.what}: refused: ${c.reason}`);
process.exit(results.every((r) => r.ok) && copies.every((c) => c.ok) ? 0 : 1);
