// What moves with the logs from files into the database (`npm run migrate`, scripts/migrate.ts):
// the documents a running server keeps (settings, the admin's password hash and sessions, IndieAuth's
// grants, the hooks' secret), the key-value namespaces that are not caches (the actor's keys), and
// the processors' checkpoints (else the announcer would announce the whole log again). Each is
// copied as it is, checked as the server reads it; one the database already holds is refused,
// never merged (an instance started on the database first has made its own).
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { DocumentDefinition } from '../../documents/definition';
import { createStandaloneDocument } from '../../documents/document';
import { checkpointDocument } from '../checkpoint-file';
import { keyValueFileSchema } from '../file-key-value';
import type { Database } from './connection';
import { documentChannel } from './document';
import { NOTIFY_CHANNEL } from './schema';

export type CopyResult = { what: string; ok: true; copied: string } | { what: string; ok: false; reason: string };

const CHECKPOINT = '.checkpoint.json';

/** `<dir>/<name>.json` into the row `<name>` of shelf_documents; undefined when there is no such file. */
export async function migrateDocument<T>(sql: Database, dir: string, definition: DocumentDefinition<T>): Promise<CopyResult | undefined> {
  const file = join(dir, `${definition.name}.json`);
  if (!existsSync(file)) return undefined;
  const what = `${definition.name}.json`;
  let data: T;
  try {
    data = await createStandaloneDocument(file, definition.schema, definition.defaults).read();
  } catch (err) {
    return { what, ok: false, reason: `${(err as Error).message}; nothing copied` };
  }
  return sql.begin(async (tx) => {
    const rows = await tx`insert into shelf_documents (name, revision, data) values (${definition.name}, 1, ${tx.json(data as never)}) on conflict (name) do nothing returning name`;
    if (rows.length === 0) return { what, ok: false as const, reason: `the database already holds the document ${definition.name}; nothing copied` };
    await tx`select pg_notify(${NOTIFY_CHANNEL}, ${documentChannel(definition.name)})`;
    return { what, ok: true as const, copied: 'copied' };
  }) as Promise<CopyResult>;
}

/** `<dir>/<namespace>.json` (the files backend's key-value store) into the namespace's rows of shelf_kv; undefined when there is no such file. */
export async function migrateKeyValue(sql: Database, dir: string, namespace: string): Promise<CopyResult | undefined> {
  const file = join(dir, `${namespace}.json`);
  if (!existsSync(file)) return undefined;
  const what = `${namespace}.json`;
  let entries;
  try {
    entries = (await createStandaloneDocument(file, keyValueFileSchema, () => ({ entries: [] })).read()).entries.filter((e) => e.expiresAt === null || e.expiresAt > Date.now());
  } catch (err) {
    return { what, ok: false, reason: `${(err as Error).message}; nothing copied` };
  }
  return sql.begin(async (tx) => {
    const [held] = await tx<{ n: number }[]>`select count(*)::bigint as n from shelf_kv where namespace = ${namespace}`;
    if (held!.n > 0) return { what, ok: false as const, reason: `the database already holds ${held!.n} entries of ${namespace}; nothing copied` };
    for (const e of entries) {
      await tx`insert into shelf_kv (namespace, key, value, expires_at) values (${namespace}, ${e.key}::text[], ${tx.json((e.value ?? null) as never)}, ${e.expiresAt === null ? null : new Date(e.expiresAt)})`;
    }
    return { what, ok: true as const, copied: `copied ${entries.length} entries` };
  }) as Promise<CopyResult>;
}

/** Every `<name>.checkpoint.json` of `dir` into shelf_checkpoints. */
export async function migrateCheckpoints(sql: Database, dir: string): Promise<CopyResult[]> {
  const results: CopyResult[] = [];
  for (const file of readdirSync(dir).filter((f) => f.endsWith(CHECKPOINT)).sort()) {
    const name = file.slice(0, -CHECKPOINT.length);
    let seq: number | undefined;
    try {
      seq = await checkpointDocument(join(dir, file)).read();
    } catch (err) {
      results.push({ what: file, ok: false, reason: `${(err as Error).message}; nothing copied` });
      continue;
    }
    if (seq === undefined) continue;
    const rows = await sql`insert into shelf_checkpoints (name, seq) values (${name}, ${seq}) on conflict (name) do nothing returning name`;
    results.push(rows.length ? { what: file, ok: true, copied: `copied (seq ${seq})` } : { what: file, ok: false, reason: `the database already holds the checkpoint ${name}; nothing copied` });
  }
  return results;
}
