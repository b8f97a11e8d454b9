import type { ZodType } from 'zod';

export type { EventInput, Envelope, DomainEvent, EnvelopeOf } from './event';
import type { DomainEvent, Envelope, EnvelopeOf, EventInput } from './event';
import type { LogWriter } from './log-writer';

/**
 * A pure, total function of the state and one recorded event: it never throws for an event its
 * schema accepts, whatever came before (a log valid when written always boots). Replay only evolves.
 */
export type Evolve<S, E extends DomainEvent> = (state: S, event: EnvelopeOf<E>) => S;

/** A domain rule said no: nothing is recorded and the caller gets an EventRejectedError. */
export interface Rejection {
  rejected: string;
}
export const reject = (reason: string): Rejection => ({ rejected: reason });
export const isRejection = (outcome: unknown): outcome is Rejection =>
  typeof outcome === 'object' && outcome !== null && 'rejected' in outcome;

/**
 * The rules: what to record for a dispatched `{ type, data }`, given the state it would apply to
 * (inside the commit, after the earlier events of the same batch). Pure: it returns the events
 * (usually the input itself) or a rejection, and never sees the log. Run only on dispatch.
 */
export type Decide<S, E extends DomainEvent> = (input: E, state: S) => E | readonly E[] | Rejection;

export interface StoreOptions<S, E extends DomainEvent> {
  /** The log is `<dir>/<name>.jsonl`. */
  name: string;
  dir: string;
  /** The state before the first event; a function is called once at boot (it may read a file). */
  initialState: S | (() => S | Promise<S>);
  evolve: Evolve<S, E>;
  /** The rules checked on dispatch (default: record every schema-valid event as it is). */
  decide?: Decide<S, E>;
  /** Validates `{ type, data }` on dispatch and on replay. */
  schema: ZodType<E>;
  /** Rewrites an older recorded shape into the current one before validation (never rewrites the log). */
  upcast?: (event: { type: string; data: unknown }) => { type: string; data: unknown };
  /** The clock stamped into `at`; tests inject one. */
  now?: () => Date;
  /** Keep a state every this many events so that `stateAt` never replays more than that many. */
  checkpointEvery?: number;
  /**
   * Keep `<name>.snapshot.json` (the state as of an event, written atomically every `every`
   * events, default 10,000) so that a restart replays only the events after it. Opt-in: the state
   * must survive JSON as it is, and `version` must change whenever the reducer, the schema, an
   * upcaster or the initial state changes meaning; a snapshot of another version is ignored and
   * rebuilt by a full replay.
   */
  snapshot?: { version: string | number; every?: number };
  /** How many states `stateAt` keeps from its recent replays (default 64: half bookmarks, half the window below the last target; 0 keeps none). */
  stateCacheSize?: number;
  /** Where boot warnings go (a torn tail, an unusable snapshot). */
  warn?: (message: string) => void;
  /** The log backend (default: `<dir>/<name>.jsonl` through lib/eventstore/file-log.ts). */
  log?: (codec: LogCodec<E>) => LogWriter;
  /** The file operations the default backend and its snapshots write through (tests inject a crashable one). */
  files?: import('../fs/file-layer').FileLayer;
  /** Writes stop while the log's file system has fewer free bytes than this (default: MIN_FREE_BYTES or 64 MiB). */
  minFreeBytes?: number;
}

/** How a backend reads a store's events: the schema, and the upcaster of older shapes. */
export interface LogCodec<E extends DomainEvent> {
  name: string;
  dir: string;
  schema: ZodType<E>;
  upcast?: (event: { type: string; data: unknown }) => { type: string; data: unknown };
  warn: (message: string) => void;
}

/** Whether the store takes writes now, and why not. */
export type WriteHealth = { ok: true } | { ok: false; reason: string };

export type Listener<S, E extends DomainEvent> = (event: EnvelopeOf<E>, state: S) => void;

export interface Store<S, E extends DomainEvent> {
  readonly name: string;
  /** Resolves once the log is replayed and the store accepts dispatches. */
  readonly ready: Promise<void>;
  snapshot(): S;
  /** The seq of the last applied event (0 for an empty log). */
  version(): number;
  /** Bytes the log takes, where the backend counts them (the file backend: its committed bytes); undefined elsewhere (PostgreSQL). */
  logBytes(): number | undefined;
  /** The log up to the version now as JSON lines (events/README.md), whichever backend holds it: what a backup downloads. */
  export(): AsyncIterable<Buffer>;
  dispatch<T extends E>(event: EventInput<T['type'], T['data']>): Promise<EnvelopeOf<T>>;
  subscribe(listener: Listener<S, E>): () => void;
  /**
   * The state as of event `seq` (0 is the initial state): a checkpoint or a recently built state,
   * plus a replay of the events after it, read from the file. Long replays yield to the event loop.
   */
  stateAt(seq: number): Promise<S>;
  /** How many events `stateAt(seq)` would replay now (0 at the head or for a kept state): what a caller budgets. */
  replayDistance(seq: number): number;
  /** Recorded events with from <= seq <= to, in log order, read from the file. */
  read(from: number, to?: number): Promise<EnvelopeOf<E>[]>;
  /** Whether writes are refused now (free space under the floor, or the last write failed), and why. */
  writeHealth(): WriteHealth;
  /** Waits for pending writes, releases the file and the directory lock. */
  close(): Promise<void>;
}
