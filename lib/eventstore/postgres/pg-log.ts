// The PostgreSQL backend of the kernel's LogWriter (log-writer.ts), selected by DATABASE_URL.
// Several instances share a store's log: `append` is refused (conflict) when another instance
// wrote first, and the store catches up, decides again and retries; `follow` wakes the store when
// another instance appended (LISTEN/NOTIFY, a periodic poll), and snapshots live in the database.
import { validateEnvelope } from '../envelope';
import { databaseLogChunks } from '../export';
import { CorruptLogError, StoreUnavailableError } from '../errors';
import type { AppendResult, LogPosition, LogWriter } from '../log-writer';
import type { Snapshot } from '../snapshot';
import type { DomainEvent, Envelope, LogCodec } from '../types';
import { databaseLocation, isConnectionError } from './connection';
import { appendBatch, eventsAfter, readRange, seqsOfIds } from './event-log';
import type { PgHub } from './hub';
import { loadSnapshot, saveSnapshot } from './snapshots';

export class PgLog<E extends DomainEvent> implements LogWriter {
  readonly file: string;
  private seq = 0;
  private lastId = '';
  private unfollow?: () => void;
  private lookups?: Map<string, { resolve: (seq: number | undefined) => void; reject: (err: unknown) => void }[]>;

  constructor(
    private readonly codec: LogCodec<E>,
    readonly hub: PgHub,
  ) {
    this.file = `postgres://${databaseLocation(hub.url)} shelf_events '${codec.name}'`;
  }

  /** Connects (and creates the schema on first start), or fails naming the host and what to check. */
  async open(): Promise<void> {
    await this.hub.ready;
  }

  head(): LogPosition {
    return { seq: this.seq, lastId: this.lastId, lastOffset: 0, size: 0 };
  }

  async restore(position: LogPosition): Promise<string | undefined> {
    const [row] = await this.query(() => readRange(this.hub.sql, this.codec.name, position.seq, position.seq));
    if (row?.id !== position.lastId) return `event ${position.seq} of ${this.file} is not the one it was taken at`;
    this.seq = position.seq;
    this.lastId = position.lastId;
    return undefined;
  }

  /** Applies every event after the head, a page at a time (each page one query, within the deadline). */
  async catchUp(apply: (event: Envelope) => void): Promise<void> {
    const pages = eventsAfter(this.hub.sql, this.codec.name, this.seq);
    for (;;) {
      const page = await this.query(() => pages.next());
      if (page.done) return;
      for (const row of page.value) {
        const checked = validateEnvelope(row, this.codec);
        if (!checked.ok) throw new CorruptLogError(this.file, row.seq, checked.reason);
        if (row.seq !== this.seq + 1) throw new CorruptLogError(this.file, row.seq, `seq ${row.seq} where ${this.seq + 1} was expected`);
        apply(checked.event);
        this.seq = row.seq;
        this.lastId = row.id;
      }
    }
  }

  /** One transaction, one round trip (group commit); refused when the log no longer ends at `expectedSeq`. */
  async append(events: readonly Envelope[], expectedSeq: number): Promise<AppendResult> {
    const result = await this.query(() => appendBatch(this.hub.sql, this.codec.name, expectedSeq, events), { append: true });
    if (!result.ok) return { ok: false, conflict: true };
    this.seq = events.at(-1)!.seq;
    this.lastId = events.at(-1)!.id;
    return { ok: true };
  }

  /**
   * Look-ups asked for in the same tick share one query: a burst of dispatches with ids costs one
   * round trip, not one per event, and they reach the commit queue together.
   */
  seqOfId(id: string): Promise<number | undefined> {
    if (!this.lookups) {
      const lookups = (this.lookups = new Map());
      setImmediate(() => {
        this.lookups = undefined;
        this.query(() => seqsOfIds(this.hub.sql, this.codec.name, [...lookups.keys()])).then(
          (found) => {
            for (const [key, waiters] of lookups) for (const w of waiters) w.resolve(found.get(key));
          },
          (err) => {
            for (const waiters of lookups.values()) for (const w of waiters) w.reject(err);
          },
        );
      });
    }
    const lookups = this.lookups;
    return new Promise((resolve, reject) => {
      const waiters = lookups.get(id) ?? [];
      waiters.push({ resolve, reject });
      lookups.set(id, waiters);
    });
  }

  async read(from: number, to: number): Promise<Envelope[]> {
    const rows = await this.query(() => readRange(this.hub.sql, this.codec.name, from, to));
    return rows.map((row) => {
      const checked = validateEnvelope(row, this.codec);
      if (!checked.ok) throw new CorruptLogError(this.file, row.seq, checked.reason);
      return checked.event;
    });
  }

  /** The rows up to `lastSeq`, each written as the file backend's line. */
  export(lastSeq: number): AsyncIterable<Buffer> {
    return databaseLogChunks(this.hub.sql, this.codec.name, lastSeq);
  }

  /** Calls `wake` whenever another instance may have appended (the store then catches up). */
  follow(wake: () => void): void {
    this.unfollow?.();
    this.unfollow = this.hub.follow(this.codec.name, wake);
  }

  /** Snapshots in the shelf_snapshots table instead of `<name>.snapshot.json`. */
  readonly snapshots = {
    load: async <S>(version: string): Promise<{ ok: true; snapshot: Snapshot<S> } | { ok: false; reason: string } | undefined> => {
      const read = await this.query(() => loadSnapshot<S>(this.hub.sql, this.codec.name, version));
      if (!read?.ok) return read;
      const s = read.snapshot;
      return { ok: true, snapshot: { format: 1, version: s.version, seq: s.seq, lastId: s.lastId, lastOffset: 0, size: 0, writtenAt: '', state: s.state } };
    },
    save: <S>(snapshot: Snapshot<S>): Promise<void> =>
      this.query(() => saveSnapshot(this.hub.sql, this.codec.name, { version: snapshot.version, seq: snapshot.seq, lastId: snapshot.lastId, state: snapshot.state })),
  };

  async close(): Promise<void> {
    this.unfollow?.();
    this.unfollow = undefined;
  }

  /**
   * Runs a query within the deadline (hub.timed), telling the hub whether the database answered; a
   * lost connection or no answer in time becomes a 503. An append that ran out of time may still
   * land later: the head is not moved for it, so the next append meets it as a conflict and
   * catches up, and a retry with the same id finds it.
   */
  private async query<T>(run: () => Promise<T>, { append = false } = {}): Promise<T> {
    try {
      const result = await this.hub.timed(run);
      this.hub.observe();
      return result;
    } catch (err) {
      this.hub.observe(err);
      if (!isConnectionError(err)) throw err;
      throw new StoreUnavailableError(
        `the event log's database (${databaseLocation(this.hub.url)}) does not answer: ${(err as Error).message}; the write was not acknowledged, try again shortly`,
        { cause: err, mayHaveLanded: append && mayHaveLanded(err) },
      );
    }
  }
}

/** Errors after which a statement that was sent may still have committed: no answer in time, or a connection lost mid-way. */
const SENT_THEN_LOST = new Set(['CONNECTION_CLOSED', 'CONNECTION_DESTROYED', 'ECONNRESET', 'EPIPE']);

export function mayHaveLanded(err: unknown): boolean {
  const e = err as { name?: string; code?: string };
  return e?.name === 'DeadlineError' || SENT_THEN_LOST.has(e?.code ?? '');
}
