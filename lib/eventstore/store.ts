// The store: one log (log-writer.ts), the state it folds into, and dispatch. Boot is in boot.ts,
// time travel in state-history.ts, snapshots in snapshotter.ts, the rules of a batch in decide-batch.ts.
import { bootState } from './boot-state';
import { decideBatch, type Pending } from './decide-batch';
import { EventValidationError, StoreUnavailableError } from './errors';
import { FileLog } from './file-log';
import { FreeSpaceFloor, minFreeBytesFromEnv } from './free-space';
import type { LogWriter } from './log-writer';
import { RecentEvents } from './recent-events';
import { Snapshotter } from './snapshotter';
import { StateHistory } from './state-history';
import type { Decide, DomainEvent, Envelope, EnvelopeOf, EventInput, Listener, Store, StoreOptions, WriteHealth } from './types';

/** The most events one write + fsync carries; bounds a batch's memory under a burst. */
const MAX_BATCH = 1024;
/** The longest event id the log takes (an Idempotency-Key or an import derives one; see lib/media/ids.ts). */
export const MAX_ID_LENGTH = 128;

export function createStore<S, E extends DomainEvent>(options: StoreOptions<S, E>): Store<S, E> {
  return new EventStore(options);
}

class EventStore<S, E extends DomainEvent> implements Store<S, E> {
  readonly name: string;
  readonly file: string;
  readonly ready: Promise<void>;

  private state!: S;
  private booted = false;
  private readonly log: LogWriter;
  private readonly history: StateHistory<S>;
  private readonly snapshots: Snapshotter<S>;
  private readonly floor: FreeSpaceFloor;
  private readonly evolve: (state: S, event: Envelope) => S;
  private readonly decide: Decide<S, E>;
  private readonly listeners = new Set<Listener<S, E>>();
  private readonly recent = new RecentEvents();
  private queue: Pending[] = [];
  private flushing?: Promise<void>;
  /** Another process appended to the shared log: catch up before the next commit. */
  private behind = false;
  /** The last write failed (and none succeeded since): reported by writeHealth until one does. */
  private failure?: string;
  private closed = false;

  constructor(private readonly options: StoreOptions<S, E>) {
    this.name = options.name;
    const warn = options.warn ?? ((m: string) => console.warn(m));
    const codec = { name: options.name, dir: options.dir, schema: options.schema, upcast: options.upcast, warn };
    this.log = options.log ? options.log(codec) : new FileLog(codec, options.files);
    this.file = this.log.file;
    this.evolve = options.evolve as (state: S, event: Envelope) => S;
    this.decide = options.decide ?? ((input) => input);
    this.history = new StateHistory({
      evolve: this.evolve,
      read: (from, to) => this.log.read(from, to),
      checkpointEvery: options.checkpointEvery ?? 1000,
      cacheSize: options.stateCacheSize ?? 64,
    });
    this.snapshots = new Snapshotter(options.snapshot, options.dir, options.name, this.log, warn, options.files);
    this.floor = new FreeSpaceFloor(options.minFreeBytes ?? minFreeBytesFromEnv(), this.log.freeBytes?.bind(this.log), `store ${this.name}`);
    this.ready = this.boot();
    // Marks the rejection as handled; whoever awaits `ready` still sees it.
    this.ready.catch(() => {});
  }

  private async boot(): Promise<void> {
    this.state = await bootState({ log: this.log, snapshots: this.snapshots, history: this.history, initialState: this.options.initialState, evolve: this.evolve });
    this.booted = true;
    this.snapshots.maybeWrite(this.state, this.log.head());
    // A shared log (PostgreSQL): other processes' events are applied and announced as they come.
    this.log.follow?.(() => {
      this.behind = true;
      if (!this.closed) this.flushing ??= this.flush();
    });
  }

  snapshot(): S {
    this.assertBooted();
    return this.state;
  }

  version(): number {
    this.assertBooted();
    return this.log.head().seq;
  }

  logBytes(): number | undefined {
    this.assertBooted();
    return this.log.head().size || undefined;
  }

  export(): AsyncIterable<Buffer> {
    this.assertBooted();
    return this.log.export(this.log.head().seq);
  }

  writeHealth(): WriteHealth {
    const reason = this.floor.refusal() ?? this.failure;
    return reason === undefined ? { ok: true } : { ok: false, reason };
  }

  subscribe(listener: Listener<S, E>): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async dispatch<T extends E>(input: EventInput<T['type'], T['data']>): Promise<EnvelopeOf<T>> {
    await this.ready;
    if (this.closed) throw new Error(`store ${this.name} is closed`);
    const parsed = this.options.schema.safeParse({ type: input.type, data: input.data });
    if (!parsed.success) throw new EventValidationError(input.type, parsed.error);
    if (input.id !== undefined) {
      if (typeof input.id !== 'string' || input.id === '' || input.id.length > MAX_ID_LENGTH) {
        throw new Error(`event id must be a non-empty string of at most ${MAX_ID_LENGTH} characters`);
      }
      const seq = await this.log.seqOfId(input.id);
      if (seq !== undefined) return (await this.read(seq, seq))[0] as EnvelopeOf<T>;
    }
    return new Promise<Envelope>((resolve, reject) => {
      this.queue.push({ type: parsed.data.type, data: parsed.data.data, id: input.id, resolve, reject });
      this.flushing ??= this.flush();
    }) as Promise<EnvelopeOf<T>>;
  }

  async stateAt(seq: number): Promise<S> {
    await this.ready;
    const head = this.log.head().seq;
    if (!Number.isSafeInteger(seq) || seq < 0 || seq > head) throw new RangeError(`no state at ${seq}: ${this.name} has events 1..${head}`);
    return seq === head ? this.state : this.history.stateAt(seq);
  }

  replayDistance(seq: number): number {
    this.assertBooted();
    return seq >= this.log.head().seq ? 0 : this.history.replayDistance(Math.max(0, seq));
  }

  async read(from: number, to?: number): Promise<EnvelopeOf<E>[]> {
    await this.ready;
    const head = this.log.head().seq;
    const first = Math.max(1, from);
    const last = Math.min(to ?? head, head);
    if (last < first) return [];
    return (this.recent.range(first, last) ?? (await this.log.read(first, last))) as EnvelopeOf<E>[];
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.ready.catch(() => {});
    await this.flushing;
    await this.snapshots.settled();
    if (this.booted) await this.log.close();
  }

  private assertBooted(): void {
    if (!this.booted) throw new Error(`store ${this.name} is not ready: await store.ready first`);
  }

  /** Drains the queue: everything queued while a write is in flight shares the next one (group commit). */
  private async flush(): Promise<void> {
    try {
      if (this.behind) await this.catchUpOthers();
      while (this.queue.length > 0) await this.commit(this.queue.splice(0, MAX_BATCH));
    } finally {
      this.flushing = undefined;
    }
    // Woken while this flush was past its catch-up: go again.
    if (this.behind && !this.closed) this.flushing ??= this.flush();
  }

  /** Applies what other processes appended to a shared log; never beside an append of this one. */
  private async catchUpOthers(): Promise<void> {
    this.behind = false;
    try {
      await this.log.catchUp((event) => this.applied(event, this.evolve(this.state, event)));
      this.snapshots.maybeWrite(this.state, this.log.head());
    } catch (err) {
      // The database is away (the next wake tries again), or an event does not fit this version's schema.
      if (!(err instanceof StoreUnavailableError)) console.error(`store ${this.name}: cannot follow ${this.file}: ${(err as Error).message}`);
    }
  }

  /**
   * Decides the batch against the live state, appends what was decided, then evolves the live
   * state. When another writer appended first (a shared backend), catches up and decides again.
   */
  private async commit(batch: Pending[]): Promise<void> {
    for (;;) {
      const plan = await decideBatch(batch, {
        state: this.state,
        seq: this.log.head().seq,
        decide: this.decide,
        evolve: this.evolve,
        recorded: (id) => this.log.seqOfId(id),
        resolveRecorded: (pending, seq) => void this.read(seq, seq).then(([e]) => pending.resolve(e!), pending.reject),
        now: this.options.now ?? (() => new Date()),
      });
      if (plan.events.length === 0) return plan.succeed();
      const sizeBefore = this.log.head().size;
      try {
        await this.floor.check();
        const result = await this.log.append(plan.events, plan.events[0]!.seq - 1);
        if (!result.ok) {
          await this.log.catchUp((event) => this.applied(event, this.evolve(this.state, event)));
          continue;
        }
      } catch (err) {
        return plan.fail(this.writeFailed(err));
      }
      this.failure = undefined;
      this.floor.wrote(this.log.head().size - sizeBefore);
      plan.events.forEach((event, i) => this.applied(event, plan.states[i]!));
      plan.succeed();
      this.snapshots.maybeWrite(this.state, this.log.head());
      return;
    }
  }

  /** A refusal (the floor) is passed on as it is; a failed write is recorded for writeHealth. */
  private writeFailed(err: unknown): unknown {
    if (err instanceof StoreUnavailableError) return err;
    this.failure = `store ${this.name}: the last write failed (${(err as Error).message}); nothing of it was recorded, and writes resume once one succeeds`;
    console.error(`${this.file}: ${this.failure}`);
    // The cause's code (ENOSPC, EIO) lets the HTTP layer name it (lib/http/write-error.ts).
    return Object.assign(new StoreUnavailableError(this.failure, { cause: err }), { code: (err as NodeJS.ErrnoException).code });
  }

  private applied(event: Envelope, state: S): void {
    this.state = state;
    this.recent.add(event);
    this.history.applied(event.seq, state);
    for (const listener of this.listeners) {
      try {
        listener(event as EnvelopeOf<E>, state);
      } catch (err) {
        console.error(`store ${this.name}: a subscriber threw`, err);
      }
    }
  }
}
