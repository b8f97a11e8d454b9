// A document (lib/documents/document.ts) in PostgreSQL: the row `<name>` of shelf_documents, one
// for every instance on the database. Each instance keeps it in memory (pages and the edge read
// the settings on every request) and learns of another's write by NOTIFY on the hub's channel
// (payload `document:<name>`), with the hub's poll (POLL_MS) behind it for a notification missed
// while the listening connection was down: then it reads the row again if its revision moved.
// An update is one transaction under an advisory lock on the name (a row lock cannot cover the
// first write, when there is no row yet): read the row, apply the change, write revision + 1,
// notify (delivered at commit). Of concurrent updates, on any instances, none is lost.
import type { ZodType } from 'zod';
import type { DocumentDefinition } from '../../documents/definition';
import { checkedDocument, tellListeners, type Document } from '../../documents/document';
import { isConnectionError, type Database } from './connection';
import type { PgHub } from './hub';
import { NOTIFY_CHANNEL } from './schema';

/** The notification payload that says the document `name` was written. */
export const documentChannel = (name: string): string => `document:${name}`;

interface Row {
  revision: number;
  data: unknown;
}

interface Known<T> {
  /** 0: no row yet (the defaults). */
  revision: number;
  data: T;
}

export class PostgresDocument<T> implements Document<T> {
  readonly where: string;
  private readonly name: string;
  private readonly schema: ZodType<T>;
  private known?: Known<T>;
  private loading?: Promise<void>;
  private refreshing = false;
  private refreshAgain = false;
  private readonly listeners = new Set<(data: T) => void>();

  constructor(
    private readonly hub: Pick<PgHub, 'sql' | 'ready' | 'follow' | 'observe' | 'timed'>,
    private readonly definition: DocumentDefinition<T>,
  ) {
    this.name = definition.name;
    this.schema = definition.schema;
    this.where = `the row "${definition.name}" of shelf_documents`;
  }

  async read(): Promise<T> {
    await this.load();
    return this.known!.data;
  }

  /**
   * The row as it is now (one query: nothing comes back unless its revision moved). While the
   * database does not answer, what this instance knows: nobody can write it meanwhile either.
   */
  async fresh(): Promise<T> {
    await this.load();
    try {
      this.adopt(await this.hub.timed(() => this.changedSince(this.hub.sql, this.known!.revision)));
      this.hub.observe();
    } catch (err) {
      this.hub.observe(err);
      if (!isConnectionError(err)) throw err;
    }
    return this.known!.data;
  }

  async update(change: (data: T) => T | void): Promise<T> {
    await this.load();
    let written: Known<T>;
    try {
      written = await this.hub.timed(() =>
        this.hub.sql.begin(async (tx) => {
          const sql = tx as unknown as Database;
          await sql`select pg_advisory_xact_lock(hashtextextended(${`shelf:document:${this.name}`}, 0))`;
          const row = await this.changedSince(sql, -1);
          const base = row ? this.parse(row.data) : this.definition.defaults();
          const draft = structuredClone(base);
          const next = change(draft) ?? draft; // a change that mutates the draft in place counts too
          const data = this.schema.parse(next);
          const revision = (row?.revision ?? 0) + 1;
          await sql`
            insert into shelf_documents (name, revision, data) values (${this.name}, ${revision}, ${sql.json(data as never)})
            on conflict (name) do update set revision = excluded.revision, data = excluded.data, updated_at = now()`;
          await sql`select pg_notify(${NOTIFY_CHANNEL}, ${documentChannel(this.name)})`;
          return { revision, data };
        }) as Promise<Known<T>>,
      );
      this.hub.observe();
    } catch (err) {
      this.hub.observe(err);
      throw err;
    }
    this.adopt(written, written.data);
    return written.data;
  }

  subscribe(listener: (data: T) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** The first read: follow the notifications first, then read the row, so no write falls between. */
  private load(): Promise<void> {
    return (this.loading ??= (async () => {
      await this.hub.ready;
      this.hub.follow(documentChannel(this.name), () => this.refresh());
      const row = await this.hub.timed(() => this.changedSince(this.hub.sql, -1));
      this.known ??= { revision: 0, data: this.definition.defaults() };
      this.adopt(row);
    })().catch((err) => {
      this.loading = undefined;
      throw err;
    }));
  }

  /** The row when its revision is past `revision`. */
  private async changedSince(sql: Database, revision: number): Promise<Row | undefined> {
    const [row] = await sql<Row[]>`select revision, data from shelf_documents where name = ${this.name} and revision > ${revision}`;
    return row;
  }

  private parse(json: unknown): T {
    return checkedDocument(this.schema, json, this.where);
  }

  /** Keeps a row newer than the one known (`parsed`: its data, checked already), and tells the listeners. */
  private adopt(row: Row | undefined, parsed?: T): void {
    if (!row || (this.known && row.revision <= this.known.revision)) return;
    this.known = { revision: row.revision, data: parsed ?? this.parse(row.data) };
    tellListeners(this.listeners, this.known.data, this.where);
  }

  /** A notification or the poll: reads the row if it moved; one query at a time, once more if woken meanwhile. */
  private refresh(): void {
    if (!this.known) return; // the first read is under way and reads the row itself
    if (this.refreshing) {
      this.refreshAgain = true;
      return;
    }
    this.refreshing = true;
    void (async () => {
      try {
        do {
          this.refreshAgain = false;
          this.adopt(await this.changedSince(this.hub.sql, this.known!.revision));
        } while (this.refreshAgain);
      } catch (err) {
        this.hub.observe(err);
        if (!isConnectionError(err)) console.warn(`${this.where}: could not read it again: ${(err as Error).message}`);
      } finally {
        this.refreshing = false;
      }
    })();
  }
}
