// A store whose log is a PostgreSQL table (selected by DATABASE_URL). Same contract as the file
// store: decide against the current state, append the whole queued batch in one transaction
// (group commit), and only then evolve, notify and acknowledge. Several instances share a log:
// the append is refused when another instance wrote first, and this one catches up, decides
// again and retries; it follows the others' events through LISTEN/NOTIFY and a periodic poll.
import { randomUUID } from 'node:crypto';
import { validateEnvelope } from '../envelope';
import { CorruptLogError, EventRejectedError, EventValidationError, StoreUnavailableError } from '../errors';
import type { DomainEvent, Envelope, EnvelopeOf, EventInput, Listener, Store, StoreOptions } from '../types';
import { databaseLocation, isConnectionError } from './connection';
import { appendBatch, eventsAfter, readRange, seqsOfIds } from './event-log';
import type { PgHub } from './hub';
import { loadSnapshot, saveSnapshot } from './snapshots';

const MAX_BATCH = 1024;
const MAX_ID_LENGTH = 128;
const SNAPSHOT_EVERY = 10_000;
/** Appends refused because another instance kept writing first, before giving up on a batch. */
const MAX_CONFLICTS = 50;

interface Pending {
  type: string;
  data: unknown;
  id?: string;
  resolve: (event: Envelope) => void;
  reject: (err: unknown) => void;
}

export interface PgStoreOptions<S, E extends DomainEvent> extends StoreOptions<S, E> {
  hub: PgHub;
}

export function createPgStore<S, E extends DomainEvent>(options: PgStoreOptions<S, E>): PgEventStore<S, E> {
  return new PgEventStore(options);
}

export function isPgStore(store: unknown): store is PgEventStore<unknown, DomainEvent> {
  return store instanceof PgEventStore;
}

export class PgEventStore<S, E extends DomainEvent> implements Store<S, E> {
  readonly name: string;
  readonly file: string;
  readonly ready: Promise<void>;
  readonly hub: PgHub;

  private state!: S;
  private seq = 0;
  private lastId = '';
  private booted = false;
  private readonly checkpoints: { seq: number; state: S }[] = [];
  private readonly checkpointEvery: number;
  private readonly listeners = new Set<Listener<S, E>>();
  private queue: Pending[] = [];
  /** Catch-ups and commits run one at a time, in this chain. */
  private lane: Promise<unknown> = Promise.resolve();
  private flushing?: Promise<void>;
  private catchingUp?: Promise<void>;
  private catchUpAgain = false;
  private unfollow?: () => void;
  private broken?: Error;
  private closed = false;
  private lastSnapshotSeq = 0;
  private snapshotting?: Promise<void>;

  constructor(private readonly options: PgStoreOptions<S, E>) {
    this.name = options.name;
    this.hub = options.hub;
    this.file = `postgres://${databaseLocation(options.hub.url)}#${options.name}`;
    this.checkpointEvery = options.checkpointEvery ?? 1000;
    this.ready = this.boot();
    this.ready.catch(() => {});
  }

  snapshot(): S {
    this.assertBooted();
    return this.state;
  }

  version(): number {
    this.assertBooted();
    return this.seq;
  }

  /** There is no file: the admin's download and export-log read the database (see export.ts). */
  committedBytes(): number {
    this.assertBooted();
    return 0;
  }

  subscribe(listener: Listener<S, E>): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async dispatch<T extends E>(input: EventInput<T['type'], T['data']>): Promise<EnvelopeOf<T>> {
    await this.ready;
    if (this.closed) throw new Error(`store ${this.name} is closed`);
    if (this.broken) throw this.broken;
    const parsed = this.options.schema.safeParse({ type: input.type, data: input.data });
    if (!parsed.success) throw new EventValidationError(input.type, parsed.error);
    if (input.id !== undefined && (typeof input.id !== 'string' || input.id === '' || input.id.length > MAX_ID_LENGTH)) {
      throw new Error(`event id must be a non-empty string of at most ${MAX_ID_LENGTH} characters`);
    }
    return new Promise<Envelope>((resolve, reject) => {
      this.queue.push({ type: parsed.data.type, data: parsed.data.data, id: input.id, resolve, reject });
      this.scheduleFlush();
    }) as Promise<EnvelopeOf<T>>;
  }

  /** One flush at a time; what is queued while it finishes gets the next. */
  private scheduleFlush(): void {
    this.flushing ??= this.exclusive(() => this.flush()).finally(() => {
      this.flushing = undefined;
      if (this.queue.length > 0) this.scheduleFlush();
    });
  }

  async stateAt(seq: number): Promise<S> {
    await this.ready;
    if (!Number.isSafeInteger(seq) || seq < 0 || seq > this.seq) {
      throw new RangeError(`no state at ${seq}: ${this.name} has events 1..${this.seq}`);
    }
    if (seq === this.seq) return this.state;
    let lo = 0;
    for (let i = this.checkpoints.length - 1; i >= 0; i--) {
      if (this.checkpoints[i]!.seq <= seq) {
        lo = i;
        break;
      }
    }
    const base = this.checkpoints[lo]!;
    let state = base.state;
    for (const event of await this.read(base.seq + 1, seq)) state = this.options.reducer(state, event);
    return state;
  }

  async read(from: number, to: number = this.seq): Promise<EnvelopeOf<E>[]> {
    await this.ready;
    const first = Math.max(1, from);
    const last = Math.min(to, this.seq);
    if (last < first) return [];
    let rows: Envelope[];
    try {
      rows = await readRange(this.hub.sql, this.name, first, last);
      this.hub.observe();
    } catch (err) {
      throw this.unavailable(err);
    }
    return rows.map((row) => this.validate(row));
  }

  /** Follows other instances' events now (tests; also what a notification does). */
  catchUp(): Promise<void> {
    if (this.catchingUp) {
      // A notification while a catch-up runs may be for an event it already passed: look again after.
      this.catchUpAgain = true;
      return this.catchingUp;
    }
    return (this.catchingUp = this.exclusive(() => this.applyNew(true)).finally(() => {
      this.catchingUp = undefined;
      if (this.catchUpAgain && !this.closed) {
        this.catchUpAgain = false;
        this.catchUp().catch(() => {});
      }
    }));
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.ready.catch(() => {});
    this.unfollow?.();
    await this.flushing;
    await this.catchingUp?.catch(() => {});
    await this.snapshotting;
  }

  // --- boot -------------------------------------------------------------------------------

  private async boot(): Promise<void> {
    await this.hub.ready;
    const init = this.options.initialState;
    this.state = typeof init === 'function' ? await (init as () => S | Promise<S>)() : init;
    this.checkpoints.push({ seq: 0, state: this.state });
    await this.restoreSnapshot();
    await this.applyNew(false);
    this.booted = true;
    this.unfollow = this.hub.follow(this.name, () => {
      if (!this.closed) this.catchUp().catch(() => {});
    });
  }

  private async restoreSnapshot(): Promise<void> {
    const config = this.options.snapshot;
    if (!config) return;
    const read = await loadSnapshot<S>(this.hub.sql, this.name, String(config.version));
    if (!read) return;
    if (!read.ok) {
      (this.options.warn ?? console.warn)(`${this.file}: snapshot not used (${read.reason}); replaying the whole log`);
      return;
    }
    this.state = read.snapshot.state;
    this.seq = this.lastSnapshotSeq = read.snapshot.seq;
    this.lastId = read.snapshot.lastId;
    this.checkpoints.push({ seq: this.seq, state: this.state });
  }

  /** Applies every event recorded after `seq` (at boot; later, other instances' events). */
  private async applyNew(notify: boolean): Promise<void> {
    try {
      for await (const page of eventsAfter(this.hub.sql, this.name, this.seq)) {
        for (const row of page) {
          const event = this.validate(row);
          if (event.seq !== this.seq + 1) throw new CorruptLogError(this.file, event.seq, `seq ${event.seq} where ${this.seq + 1} was expected`);
          try {
            this.state = this.options.reducer(this.state, event);
          } catch (err) {
            throw new CorruptLogError(this.file, event.seq, `the reducer rejects it: ${(err as Error).message}`);
          }
          this.record(event);
          if (notify) this.notify(event, this.state);
        }
      }
      this.hub.observe();
    } catch (err) {
      this.hub.observe(err);
      if (err instanceof CorruptLogError) {
        this.broken = err;
        console.error(`store ${this.name}: ${err.message}; writes are refused until a restart`);
      }
      throw err;
    }
    this.maybeSnapshot();
  }

  private validate(row: Envelope): EnvelopeOf<E> {
    const checked = validateEnvelope(row, this.options);
    if (!checked.ok) throw new CorruptLogError(this.file, row.seq, checked.reason);
    return checked.event as EnvelopeOf<E>;
  }

  private record(event: Envelope): void {
    this.seq = event.seq;
    this.lastId = event.id;
    if (event.seq % this.checkpointEvery === 0) this.checkpoints.push({ seq: event.seq, state: this.state });
  }

  private assertBooted(): void {
    if (!this.booted) throw new Error(`store ${this.name} is not ready: await store.ready first`);
  }

  private exclusive<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.lane.then(fn, fn);
    this.lane = run.catch(() => {});
    return run;
  }

  // --- writes -----------------------------------------------------------------------------

  private async flush(): Promise<void> {
    while (this.queue.length > 0) await this.commit(this.queue.splice(0, MAX_BATCH));
  }

  private async commit(batch: Pending[]): Promise<void> {
    const now = this.options.now ?? (() => new Date());
    for (let conflicts = 0; ; conflicts++) {
      let known: Map<string, number>;
      try {
        const ids = batch.flatMap((p) => (p.id === undefined ? [] : [p.id]));
        known = await seqsOfIds(this.hub.sql, this.name, ids);
      } catch (err) {
        return this.fail(batch, err);
      }
      // Decide the whole batch against the current state; nothing is answered until it commits.
      let state = this.state;
      let seq = this.seq;
      const accepted: { pending: Pending; event: Envelope; state: S }[] = [];
      const rejected: { pending: Pending; err: EventRejectedError }[] = [];
      const inBatch = new Map<string, Envelope>();
      const repeats: { pending: Pending; id: string }[] = [];
      for (const pending of batch) {
        if (pending.id !== undefined && (inBatch.has(pending.id) || known.has(pending.id))) {
          repeats.push({ pending, id: pending.id });
          continue;
        }
        const event: Envelope = { seq: seq + 1, id: pending.id ?? randomUUID(), type: pending.type, at: now().toISOString(), data: pending.data };
        try {
          state = this.options.reducer(state, event as EnvelopeOf<E>);
        } catch (err) {
          rejected.push({ pending, err: new EventRejectedError(event.type, (err as Error).message ?? String(err), { cause: err }) });
          continue;
        }
        seq++;
        inBatch.set(event.id, event);
        accepted.push({ pending, event, state });
      }

      if (accepted.length > 0) {
        let result;
        try {
          result = await appendBatch(this.hub.sql, this.name, this.seq, accepted.map((a) => a.event));
          this.hub.observe();
        } catch (err) {
          return this.fail(batch, err);
        }
        if (!result.ok) {
          // Another instance wrote first: take its events, then decide again.
          if (conflicts >= MAX_CONFLICTS) return this.fail(batch, new Error(`${this.name}: other instances kept writing first; try again`));
          try {
            await this.applyNew(true);
          } catch (err) {
            return this.fail(batch, err);
          }
          continue;
        }
        for (const a of accepted) {
          this.state = a.state;
          this.record(a.event);
        }
        for (const a of accepted) this.notify(a.event as EnvelopeOf<E>, a.state);
        for (const a of accepted) a.pending.resolve(a.event);
        this.maybeSnapshot();
      }
      for (const r of rejected) r.pending.reject(r.err);
      for (const r of repeats) {
        const own = inBatch.get(r.id);
        if (own) r.pending.resolve(own);
        else {
          const at = known.get(r.id)!;
          this.read(at, at).then(([e]) => r.pending.resolve(e!), r.pending.reject);
        }
      }
      return;
    }
  }

  private fail(batch: Pending[], err: unknown): void {
    const reason = err instanceof Error && !isConnectionError(err) ? err : this.unavailable(err);
    for (const pending of batch) pending.reject(reason);
  }

  private unavailable(err: unknown): Error {
    this.hub.observe(err);
    if (!isConnectionError(err)) return err as Error;
    return new StoreUnavailableError(
      `the event log's database (${databaseLocation(this.hub.url)}) does not answer: ${(err as Error).message}; nothing was recorded, try again shortly`,
      { cause: err },
    );
  }

  private maybeSnapshot(): void {
    const config = this.options.snapshot;
    if (!config || this.snapshotting || this.seq === 0) return;
    if (this.seq - this.lastSnapshotSeq < (config.every ?? SNAPSHOT_EVERY)) return;
    const snapshot = { version: String(config.version), seq: this.seq, lastId: this.lastId, state: this.state };
    this.snapshotting = saveSnapshot(this.hub.sql, this.name, snapshot)
      .then(() => {
        this.lastSnapshotSeq = snapshot.seq;
      })
      .catch((err) => console.error(`${this.file}: could not write the snapshot (the log is unaffected): ${(err as Error).message}`))
      .finally(() => {
        this.snapshotting = undefined;
      });
  }

  private notify(event: EnvelopeOf<E>, state: S): void {
    for (const listener of this.listeners) {
      try {
        listener(event, state);
      } catch (err) {
        console.error(`store ${this.name}: a subscriber threw`, err);
      }
    }
  }
}
