// The PostgreSQL backend's key-value store: rows of `shelf_kv` (namespace, key, value, expiry),
// created with the rest of the schema (./schema.ts), so every instance on the database shares one
// store. Expired rows are skipped by every read and swept now and then.
import { isDeepStrictEqual } from 'node:util';
import type { KeyValueStore, KvEntry, KvKey, KvSetOptions } from '../key-value';
import type { Database } from './connection';
import type { PgHub } from './hub';

const expiry = (options?: KvSetOptions) => (options?.ttlMs ? new Date(Date.now() + options.ttlMs) : null);

export class PostgresKeyValueStore implements KeyValueStore {
  constructor(
    private readonly hub: Pick<PgHub, 'sql' | 'ready'>,
    private readonly namespace: string,
  ) {}

  /** The pool, once connected and the schema is there. */
  private get ready(): Promise<void> {
    return this.hub.ready;
  }

  private get sql(): Database {
    return this.hub.sql;
  }

  async get<T = unknown>(key: KvKey): Promise<T | undefined> {
    await this.ready;
    const [row] = await this.sql<{ value: T }[]>`
      select value from shelf_kv
      where namespace = ${this.namespace} and key = ${[...key]}::text[] and (expires_at is null or expires_at > now())`;
    return row?.value;
  }

  async set(key: KvKey, value: unknown, options?: KvSetOptions): Promise<void> {
    await this.ready;
    await this.upsert(this.sql, key, value, options);
  }

  async delete(key: KvKey): Promise<void> {
    await this.ready;
    await this.sql`delete from shelf_kv where namespace = ${this.namespace} and key = ${[...key]}::text[]`;
  }

  /** In one transaction under an advisory lock on the key: of several instances one wins. */
  async cas(key: KvKey, expected: unknown, value: unknown, options?: KvSetOptions): Promise<boolean> {
    await this.ready;
    return this.sql.begin(async (tx) => {
      await tx`select pg_advisory_xact_lock(hashtextextended(${`shelf:kv:${this.namespace}:${JSON.stringify(key)}`}, 0))`;
      const [row] = await tx<{ value: unknown }[]>`
        select value from shelf_kv
        where namespace = ${this.namespace} and key = ${[...key]}::text[] and (expires_at is null or expires_at > now())`;
      if (!isDeepStrictEqual(row?.value, expected)) return false;
      await this.upsert(tx as unknown as Database, key, value, options);
      return true;
    }) as Promise<boolean>;
  }

  async *list(prefix?: KvKey): AsyncIterable<KvEntry> {
    await this.ready;
    const p = prefix ? [...prefix] : [];
    const rows = await this.sql<{ key: string[]; value: unknown }[]>`
      select key, value from shelf_kv
      where namespace = ${this.namespace} and key[1:${p.length}] = ${p}::text[] and (expires_at is null or expires_at > now())
      order by key`;
    for (const row of rows) yield { key: row.key as unknown as KvKey, value: row.value };
  }

  private async upsert(sql: Database, key: KvKey, value: unknown, options?: KvSetOptions): Promise<void> {
    await sql`
      insert into shelf_kv (namespace, key, value, expires_at)
      values (${this.namespace}, ${[...key]}::text[], ${sql.json((value ?? null) as never)}, ${expiry(options)})
      on conflict (namespace, key) do update set value = excluded.value, expires_at = excluded.expires_at`;
  }
}

/** Drops expired rows of every namespace (reads skip them anyway; this keeps the table from growing with them). */
export async function sweepExpired(sql: Database): Promise<void> {
  await sql`delete from shelf_kv where expires_at <= now()`;
}
