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

/** The envelopes of a log file, checked for shape, contiguous seq and unique ids (not for the store's schema). */
export function readLogFile(file: string): { ok: true; events: Envelope[] } | { ok: false; reason: string } {
  const events: Envelope[] = [];
  const ids = new Set<string>();
  for (const line of scanLines(file)) {
    const where = `${file}:${line.lineNo}`;
    if (!line.terminated) return { ok: false, reason: `${where}: the last line has no newline (start Shelf on the files once to repair it)` };
    let e: Envelope;
    try {
      e = JSON.parse(line.text) as Envelope;
    } catch {
      return { ok: false, reason: `${where}: not JSON` };
    }
    if (e.seq !== events.length + 1) return { ok: false, reason: `${where}: seq ${e.seq} where ${events.length + 1} was expected` };
    if (typeof e.id !== 'string' || !e.id || ids.has(e.id)) return { ok: false, reason: `${where}: id missing or repeated` };
    if (typeof e.type !== 'string' || typeof e.at !== 'string' || !('data' in e)) return { ok: false, reason: `${where}: type, at or data missing` };
    ids.add(e.id);
    events.push({ seq: e.seq, id: e.id, type: e.type, at: e.at, data: e.data });
  }
  return { ok: true, events };
}

/** Copies one store's events; refuses when the database already holds events of that store. */
export async function migrateStore(sql: Database, store: string, events: readonly Envelope[]): Promise<MigrateResult> {
  return sql.begin(async (tx) => {
    await tx`select pg_advisory_xact_lock(hashtextextended(${`shelf:store:${store}`}, 0))`;
    const [row] = await tx<{ n: number }[]>`select count(*)::bigint as n from shelf_events where store = ${store}`;
    if (row!.n > 0) return { store, ok: false as const, reason: `the database already holds ${row!.n} events of ${store}; nothing copied` };
    for (let i = 0; i < events.length; i += CHUNK) {
      const chunk = events.slice(i, i + CHUNK);
      await tx`
        insert into shelf_events (store, seq, id, type, at, data)
        select ${store}, r.seq, r.id, r.type, r.at, r.data
        from jsonb_to_recordset(${tx.json(chunk as never)}) as r(seq bigint, id text, type text, at text, data jsonb)`;
    }
    await tx`select pg_notify(${NOTIFY_CHANNEL}, ${store})`;
    return { store, ok: true as const, events: events.length };
  });
}

/** Every `<store>.jsonl` of `dir`. */
export async function migrateDirectory(sql: Database, dir: string): Promise<MigrateResult[]> {
  const results: MigrateResult[] = [];
  for (const name of readdirSync(dir).filter((f) => f.endsWith('.jsonl')).sort()) {
    const store = basename(name, '.jsonl');
    const read = readLogFile(join(dir, name));
    results.push(read.ok ? await migrateStore(sql, store, read.events) : { store, ok: false, reason: read.reason });
  }
  return results;
}
