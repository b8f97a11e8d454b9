// The PostgreSQL log of one or more stores: append a decided batch with an expected-seq check,
// read ranges back, look ids up. Rows come back as raw envelopes; the store validates them.
import type { Envelope } from '../types';
import type { Database } from './connection';

export type AppendResult = { ok: true; last: number } | { ok: false; last: number };

/** Rows read per query at boot and in `read`: bounds memory per round trip. */
export const READ_PAGE = 20_000;

/**
 * Appends `events` (seq expected+1, expected+2, ...) in one transaction and one round trip, if
 * the store's log still ends at `expected`; otherwise nothing is written and `last` says where it
 * ends now (another instance wrote first: catch up, decide again, retry).
 */
export async function appendBatch(sql: Database, store: string, expected: number, events: readonly Envelope[]): Promise<AppendResult> {
  const batch = events.map((e) => ({ seq: e.seq, id: e.id, type: e.type, at: e.at, data: e.data }));
  const [row] = await sql<{ ok: boolean; last_seq: number }[]>`
    select ok, last_seq from shelf_append(${store}, ${expected}, ${sql.json(batch as never)})`;
  return { ok: row!.ok, last: row!.last_seq };
}

/** Events with from <= seq <= to, in seq order (at most READ_PAGE per query, several queries if more). */
export async function readRange(sql: Database, store: string, from: number, to: number): Promise<Envelope[]> {
  const out: Envelope[] = [];
  for (let first = from; first <= to; first += READ_PAGE) {
    const last = Math.min(to, first + READ_PAGE - 1);
    const rows = await sql<Envelope[]>`
      select seq, id, type, at, data from shelf_events
      where store = ${store} and seq between ${first} and ${last} order by seq`;
    for (const row of rows) out.push(row);
    if (rows.length < last - first + 1) break;
  }
  return out;
}

/** Pages through every event after `after`, in seq order: boot and catch-up never hold the whole log at once. */
export async function* eventsAfter(sql: Database, store: string, after: number): AsyncGenerator<Envelope[]> {
  let from = after;
  for (;;) {
    const rows = await sql<Envelope[]>`
      select seq, id, type, at, data from shelf_events
      where store = ${store} and seq > ${from} order by seq limit ${READ_PAGE}`;
    if (rows.length === 0) return;
    yield rows.slice();
    from = rows[rows.length - 1]!.seq;
    if (rows.length < READ_PAGE) return;
  }
}

/** The seqs of those ids already recorded in the store. */
export async function seqsOfIds(sql: Database, store: string, ids: readonly string[]): Promise<Map<string, number>> {
  if (ids.length === 0) return new Map();
  const rows = await sql<{ id: string; seq: number }[]>`
    select id, seq from shelf_events where store = ${store} and id = any(${ids as string[]})`;
  return new Map(rows.map((r) => [r.id, r.seq]));
}

export async function lastSeq(sql: Database, store: string): Promise<number> {
  const [row] = await sql<{ last: number }[]>`select coalesce(max(seq), 0)::bigint as last from shelf_events where store = ${store}`;
  return row!.last;
}

/** The stores that have events in the database. */
export async function storesInDatabase(sql: Database): Promise<string[]> {
  const rows = await sql<{ store: string }[]>`select distinct store from shelf_events order by store`;
  return rows.map((r) => r.store);
}
