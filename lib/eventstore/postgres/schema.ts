// The tables Shelf keeps in PostgreSQL, created on first start (idempotent; serialised by an
// advisory lock so that two instances starting together do not race on CREATE). Documented in
// events/README.md.
import type { Sql } from 'postgres';

/** Advisory lock keys are bigints: these name Shelf's own (hashtextextended of a label). */
export const SCHEMA_LOCK_LABEL = 'shelf:schema';
export const NOTIFY_CHANNEL = 'shelf_events';

const DDL = `
create table if not exists shelf_events (
  store       text        not null,
  seq         bigint      not null check (seq > 0),
  id          text        not null,
  type        text        not null,
  at          text        not null,
  data        jsonb       not null,
  recorded_at timestamptz not null default now(),
  primary key (store, seq),
  unique (store, id)
);
create table if not exists shelf_snapshots (
  store      text        primary key,
  version    text        not null,
  seq        bigint      not null,
  last_id    text        not null,
  state      bytea       not null,
  written_at timestamptz not null default now()
);
create table if not exists shelf_checkpoints (
  name     text        primary key,
  seq      bigint      not null check (seq >= 0),
  saved_at timestamptz not null default now()
);
-- The backend's key-value store (lib/eventstore/postgres/key-value.ts), by namespace.
create table if not exists shelf_kv (
  namespace  text        not null,
  key        text[]      not null,
  value      jsonb       not null,
  expires_at timestamptz,
  primary key (namespace, key)
);
-- The documents a running server keeps (lib/eventstore/postgres/document.ts): settings, the admin's
-- sessions, IndieAuth's grants, the hooks' secret. One row per document; each write moves its revision.
create table if not exists shelf_documents (
  name       text        primary key,
  revision   bigint      not null check (revision > 0),
  data       jsonb       not null,
  updated_at timestamptz not null default now()
);
-- The fediverse's first release kept Fedify's cache (and the actor's keys) in a table of its own:
-- its rows move into the namespace that cache has now, once, and the table goes.
do $migrate$ begin
  if to_regclass('shelf_fedify_kv') is not null then
    insert into shelf_kv (namespace, key, value, expires_at)
      select 'fediverse-cache', key, value, expires_at from shelf_fedify_kv
      on conflict do nothing;
    drop table shelf_fedify_kv;
  end if;
end $migrate$;
-- One call = one transaction = one round trip per batch (group commit): serialise the writers of
-- this store, check that the log still ends where the writer decided against, insert every event
-- of the batch in one statement, and notify the other instances (delivered at commit).
create or replace function shelf_append(p_store text, p_expected bigint, p_events jsonb)
returns table (ok boolean, last_seq bigint) language plpgsql as $fn$
declare
  v_last bigint;
begin
  perform pg_advisory_xact_lock(hashtextextended('shelf:store:' || p_store, 0));
  select coalesce(max(e.seq), 0) into v_last from shelf_events e where e.store = p_store;
  if v_last <> p_expected then
    return query select false, v_last;
    return;
  end if;
  insert into shelf_events (store, seq, id, type, at, data)
    select p_store, r.seq, r.id, r.type, r.at, r.data
    from jsonb_to_recordset(p_events) as r(seq bigint, id text, type text, at text, data jsonb);
  perform pg_notify('${NOTIFY_CHANNEL}', p_store);
  return query select true, v_last + jsonb_array_length(p_events);
end
$fn$;
`;

export async function ensureSchema(sql: Sql): Promise<void> {
  await sql.begin(async (tx) => {
    await tx`select pg_advisory_xact_lock(hashtextextended(${SCHEMA_LOCK_LABEL}, 0))`;
    await tx.unsafe(DDL);
  });
}
