// Fedify's key-value store in PostgreSQL (with DATABASE_URL), beside Shelf's logs, so every
// instance shares one cache and one record of inbox activities already handled. Fedify's own
// @fedify/postgres has no release matching Fedify 2.3.6 in the registry, and Shelf already speaks
// to the database with `postgres`: this is that package's table and queries, small.
import type { KvKey, KvStore, KvStoreListEntry, KvStoreSetOptions } from '@fedify/fedify';
import { isDeepStrictEqual } from 'node:util';
import type { Database } from '../../eventstore/postgres/connection';
import { sharedHub } from '../../eventstore/postgres/hub';
import { singleton } from '../../eventstore/registry';

const TABLE_DDL = `
  create table if not exists shelf_fedify_kv (
    key text[] primary key,
    value jsonb not null,
    expires_at timestamptz
  )`;

const ttlMs = (options?: KvStoreSetOptions) => (options?.ttl ? options.ttl.total({ unit: 'milliseconds' }) : null);

export class PostgresKvStore implements KvStore {
  private ready?: Promise<void>;

  constructor(private readonly sql: Database) {}

  private init(): Promise<void> {
    return (this.ready ??= this.sql.unsafe(TABLE_DDL).then(() => undefined, (err) => ((this.ready = undefined), Promise.reject(err))));
  }

  async get<T = unknown>(key: KvKey): Promise<T | undefined> {
    await this.init();
    const [row] = await this.sql<{ value: T }[]>`
      select value from shelf_fedify_kv where key = ${[...key]}::text[] and (expires_at is null or expires_at > now())`;
    return row?.value;
  }

  async set(key: KvKey, value: unknown, options?: KvStoreSetOptions): Promise<void> {
    await this.init();
    const ms = ttlMs(options);
    await this.sql`
      insert into shelf_fedify_kv (key, value, expires_at)
      values (${[...key]}::text[], ${this.sql.json((value ?? null) as never)}, ${ms === null ? null : new Date(Date.now() + ms)})
      on conflict (key) do update set value = excluded.value, expires_at = excluded.expires_at`;
  }

  async delete(key: KvKey): Promise<void> {
    await this.init();
    await this.sql`delete from shelf_fedify_kv where key = ${[...key]}::text[]`;
  }

  /** In one transaction with the row locked: two instances never both win. */
  async cas(key: KvKey, expectedValue: unknown, newValue: unknown, options?: KvStoreSetOptions): Promise<boolean> {
    await this.init();
    const ms = ttlMs(options);
    return this.sql.begin(async (tx) => {
      await tx`select pg_advisory_xact_lock(hashtext(${JSON.stringify(key)}))`;
      const [row] = await tx<{ value: unknown }[]>`
        select value from shelf_fedify_kv where key = ${[...key]}::text[] and (expires_at is null or expires_at > now())`;
      if (!isDeepStrictEqual(row?.value, expectedValue)) return false;
      await tx`
        insert into shelf_fedify_kv (key, value, expires_at)
        values (${[...key]}::text[], ${tx.json((newValue ?? null) as never)}, ${ms === null ? null : new Date(Date.now() + ms)})
        on conflict (key) do update set value = excluded.value, expires_at = excluded.expires_at`;
      return true;
    }) as Promise<boolean>;
  }

  async *list(prefix?: KvKey): AsyncIterable<KvStoreListEntry> {
    await this.init();
    const p = prefix ? [...prefix] : [];
    const rows = await this.sql<{ key: string[]; value: unknown }[]>`
      select key, value from shelf_fedify_kv
      where key[1:${p.length}] = ${p}::text[] and (expires_at is null or expires_at > now())
      order by key`;
    for (const row of rows) yield { key: row.key as unknown as KvKey, value: row.value };
  }

  /** Drops expired rows (called now and then; reads ignore them anyway). */
  async sweep(): Promise<void> {
    await this.init();
    await this.sql`delete from shelf_fedify_kv where expires_at <= now()`;
  }
}

/** The process's store on DATABASE_URL's pool, once the schema is there. */
export function postgresKvStore(url: string): Promise<PostgresKvStore> {
  return singleton(`fediverse:kv:${url}`, async () => {
    const hub = sharedHub(url);
    await hub.ready;
    const store = new PostgresKvStore(hub.sql);
    // Reads skip expired rows; an hourly sweep keeps the table from growing with them.
    setInterval(() => store.sweep().catch((err: Error) => console.warn(`fediverse: could not sweep the cache: ${err.message}`)), 3_600_000).unref();
    return store;
  });
}
