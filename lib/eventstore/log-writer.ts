// The log backend a store writes through. The file backend (file-log.ts) is the default; a
// PostgreSQL backend implements the same interface. The store owns the rules (decide), the state
// (evolve), snapshots and time travel; the writer owns only the recorded envelopes.
import type { Snapshot } from './snapshot';
import type { Envelope } from './event';

/** Where the log ends, as a snapshot records it. `lastOffset`/`size` are byte positions for the file backend; other backends put 0. */
export interface LogPosition {
  /** The last recorded event's seq (0: empty) and id. */
  seq: number;
  lastId: string;
  lastOffset: number;
  size: number;
}

/**
 * `appended`: the whole batch is durable (fsynced, committed) and will be read back by every
 * later boot. `conflict`: someone else appended first (their head is past `expectedSeq`): nothing
 * of the batch was written; the store calls `catchUp`, decides the batch again and retries.
 */
export type AppendResult = { ok: true } | { ok: false; conflict: true };

export interface LogWriter {
  /** The log's name in messages: a path, or a table. */
  readonly file: string;
  /**
   * Boot step 1: takes whatever makes this the log's writer (the file backend: the directory
   * lock; it throws StoreLockedError when another process holds it) and makes the log exist.
   */
  open(): Promise<void>;
  /**
   * Boot step 2, optional: start after a snapshot's `position` instead of at event 1. Resolves to
   * undefined once adopted (the events up to there are indexed without being delivered), or to the
   * reason the position does not match this log (then nothing is adopted and replay starts at 1).
   */
  restore(position: LogPosition): Promise<string | undefined>;
  /**
   * Delivers, in seq order, every recorded event after the last one delivered (or adopted), each
   * checked: it parses and fits the schema, seq follows on, the id is new. At boot this repairs an
   * interrupted tail (never acknowledged). Throws CorruptLogError naming the bad event otherwise.
   * Also how a store catches up after a `conflict`.
   */
  catchUp(apply: (event: Envelope) => void): Promise<void>;
  /** Where the log ends now (everything delivered or appended). */
  head(): LogPosition;
  /**
   * Appends stamped envelopes `expectedSeq + 1, ...` as one atomic batch (group commit): resolves
   * `{ ok: true }` only once all of them are durable. Throws when the write or its fsync failed:
   * then NONE of the batch is, or will ever be, read back (the file backend cuts it off), and the
   * writer stays usable, so a later append can succeed. Never appends past a `conflict`.
   */
  append(events: readonly Envelope[], expectedSeq: number): Promise<AppendResult>;
  /** The seq of the recorded event with this id (idempotent dispatch), if any. */
  seqOfId(id: string): Promise<number | undefined>;
  /** Recorded events with from <= seq <= to (both within 1..head), in order. */
  read(from: number, to: number): Promise<Envelope[]>;
  /**
   * Optional: captures, synchronously, what `restore` needs besides the position (the file
   * backend: its offset and id index at the head) and returns the write of it, run before the
   * snapshot itself is written.
   */
  captureIndex?(): () => Promise<void>;
  /** Free bytes where the log lives, when the backend can tell (the file backend: statfs). */
  freeBytes?(): Promise<number>;
  /**
   * Optional, for a log shared by several processes (PostgreSQL): calls `wake` whenever another
   * process may have appended; the store then runs `catchUp` between its own appends.
   */
  follow?(wake: () => void): void;
  /** Optional: where snapshots are kept when not in `<dir>/<name>.snapshot.json` (the database). */
  readonly snapshots?: {
    load<S>(version: string): Promise<{ ok: true; snapshot: Snapshot<S> } | { ok: false; reason: string } | undefined>;
    save<S>(snapshot: Snapshot<S>): Promise<void>;
  };
  /**
   * The recorded events up to `lastSeq` (at most the head) as JSON lines, the format of
   * events/README.md: the file's own committed bytes, or the database's rows written the same way.
   */
  export(lastSeq: number): AsyncIterable<Buffer>;
  /** Releases the log (and the lock); waits for nothing: the store drains its writes first. */
  close(): Promise<void>;
}
