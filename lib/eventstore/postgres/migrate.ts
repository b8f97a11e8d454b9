// Copies JSON-lines logs into the database: same seq, id, type, at and data. A store that already
// has events in the database is refused (never merged), and each store is copied in one
// transaction holding the store's write lock, so a running instance never sees half a log.
import { readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { scanLines } from '../log-lines';
import type { Envelope } from '../types';
import type { Database } from './connection';
import { NOTIFY_CHANNEL } from './schema';

const CHUNK = 5000;

export type MigrateResult = { store: string; ok: true; events: number } | { store: string; ok: false; reason: string };

/** A log file's envelopes in chunks, checked for shape, contiguous seq and unique ids (not for the store's schema). */
export function* logFileChunks(file: string, chunkSize = CHUNK): Generator<Envelope[]> {
  const ids = new Set<string>();
  let seq = 0;
  let chunk: Envelope[] = [];
  for (const line of scanLines(file)) {
    const where = `${file}:${line.lineNo}`;
    if (!line.terminated) throw new MigrateError(`${where}: the last line has no newline (start Shelf on the files once to repair it)`);
    let e: Envelope;
    try {
      e = JSON.parse(line.text) as Envelope;
    } catch {
      throw new MigrateError(`${where}: not JSON`);
    }
    if (e.seq !== seq + 1) throw new MigrateError(`${where}: seq ${e.seq} where ${seq + 1} was expected`);
    if (typeof e.id !== 'string' || !e.id || ids.has(e.id)) throw new MigrateError(`${where}: id missing or repeated`);
    if (typeof e.type !== 'string' || typeof e.at !== 'string' || !('data' in e)) throw new MigrateError(`${where}: type, at or data missing`);
    ids.add(e.id);
    seq = e.seq;
    chunk.push({ seq: e.seq, id: e.id, type: e.type, at: e.at, data: e.data });
    if (chunk.length === chunkSize) {
      yield chunk;
      chunk = [];
    }
  }
  if (chunk.length > 0) yield chunk;
}

/** A log that cannot be copied as it is: the store's transaction is rolled back. */
export class MigrateError extends Error {}

/**
 * Copies one store's events, a chunk at a time, in one transaction; refuses when the database
 * already holds events of that store, and copies nothing of a log with a bad line.
 */
export async function migrateStore(sql: Database, store: string, chunks: Iterable<readonly Envelope[]>): Promise<MigrateResult> {
  try {
    return await sql.begin(async (tx) => {
      await tx`select pg_advisory_xact_lock(hashtextextended(${`shelf:store:${store}`}, 0))`;
      const [row] = await tx<{ n: number }[]>`select count(*)::bigint as n from shelf_events where store = ${store}`;
      if (row!.n > 0) return { store, ok: false as const, reason: `the database already holds ${row!.n} events of ${store}; nothing copied` };
      let events = 0;
      for (const chunk of chunks) {
        await tx`
          insert into shelf_events (store, seq, id, type, at, data)
          select ${store}, r.seq, r.id, r.type, r.at, r.data
          from jsonb_to_recordset(${tx.json(chunk as never)}) as r(seq bigint, id text, type text, at text, data jsonb)`;
        events += chunk.length;
      }
      await tx`select pg_notify(${NOTIFY_CHANNEL}, ${store})`;
      return { store, ok: true as const, events };
    });
  } catch (err) {
    if (err instanceof MigrateError) return { store, ok: false, reason: `${err.message}; nothing copied` };
    throw err;
  }
}

/** Every `<store>.jsonl` of `dir`. */
export async function migrateDirectory(sql: Database, dir: string): Promise<MigrateResult[]> {
  const results: MigrateResult[] = [];
  for (const name of readdirSync(dir).filter((f) => f.endsWith('.jsonl')).sort()) {
    const store = basename(name, '.jsonl');
    results.push(await migrateStore(sql, store, logFileChunks(join(dir, name))));
  }
  return results;
}
