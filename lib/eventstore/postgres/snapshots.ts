// Snapshots in the database: a store's state as of one event, so an instance boots by reading
// one row and the events after it. The state is kept as the exact JSON bytes (bytea), as the file
// store keeps it, so a key order the state relies on survives.
import type { Database } from './connection';

export interface DbSnapshot<S> {
  version: string;
  seq: number;
  lastId: string;
  state: S;
}

/** The store's snapshot of this version, if it is usable: the event it ends with is in the log with that id. */
export async function loadSnapshot<S>(
  sql: Database,
  store: string,
  version: string,
): Promise<{ ok: true; snapshot: DbSnapshot<S> } | { ok: false; reason: string } | undefined> {
  const [row] = await sql<{ version: string; seq: number; last_id: string; state: Buffer; found: string | null }[]>`
    select s.version, s.seq, s.last_id, s.state, e.id as found
    from shelf_snapshots s left join shelf_events e on e.store = s.store and e.seq = s.seq
    where s.store = ${store}`;
  if (!row) return undefined;
  if (row.version !== version) return { ok: false, reason: `it is of version ${row.version}, the store is at ${version}` };
  if (row.found !== row.last_id) return { ok: false, reason: `event ${row.seq} of the log is not the one it was taken at` };
  let state: S;
  try {
    state = JSON.parse(row.state.toString('utf8')) as S;
  } catch (err) {
    return { ok: false, reason: `not JSON (${(err as Error).message})` };
  }
  return { ok: true, snapshot: { version: row.version, seq: row.seq, lastId: row.last_id, state } };
}

/** Replaces the store's snapshot, unless one of a later seq is already there (another instance's). */
export async function saveSnapshot<S>(sql: Database, store: string, snapshot: DbSnapshot<S>): Promise<void> {
  const bytes = Buffer.from(JSON.stringify(snapshot.state));
  await sql`
    insert into shelf_snapshots (store, version, seq, last_id, state)
    values (${store}, ${snapshot.version}, ${snapshot.seq}, ${snapshot.lastId}, ${bytes})
    on conflict (store) do update set version = excluded.version, seq = excluded.seq, last_id = excluded.last_id,
      state = excluded.state, written_at = now()
    where shelf_snapshots.seq < excluded.seq or shelf_snapshots.version <> excluded.version`;
}
