import { randomUUID } from 'node:crypto';
import { appendFileSync, closeSync, mkdirSync, openSync, readSync, statSync, truncateSync } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import { encodeEnvelope, parseEnvelope } from './envelope';
import {
  CorruptLogError,
  EventRejectedError,
  EventValidationError,
  StoreBrokenError,
} from './errors';
import { lockDirectory } from './lock';
import { hashId, IdIndex } from './id-index';
import { indexLines, lineSeqAndId } from './log-index';
import { scanLines, readLineRange } from './log-lines';
import { OffsetIndex } from './offset-index';
import { readSnapshot, writeSnapshot, type Snapshot } from './snapshot';
import { encodeSnapshotIndex, readSnapshotIndex, writeSnapshotIndex } from './snapshot-index';
import { StateCache } from './state-cache';
import type {
  DomainEvent,
  Envelope,
  EnvelopeOf,
  EventInput,
  Listener,
  Store,
  StoreOptions,
} from './types';

/** The most events one write + fsync carries; bounds a batch's memory under a burst. */
const MAX_BATCH = 1024;
const MAX_ID_LENGTH = 128;
const SNAPSHOT_EVERY = 10_000;
/**
 * While `stateAt` replays, it bookmarks the state every STRIDE events and keeps each of the last
 * STRIDE states before its target: stepping back one event is then a cache hit, or a replay of
 * fewer than STRIDE events from a bookmark that refills the window below (amortized one event per
 * step). Bookmarks and the window are cached apart so that walking through windows does not evict
 * the bookmarks still ahead.
 */
const STRIDE = 32;
/** Bookmarks kept of the live state as events are applied: the recent past (the newest page of a history) is always near one. */
const TAIL_BOOKMARKS = 4;
/** A long replay gives the event loop back this often, so live requests are not held up by time travel. */
const REPLAY_SLICE_MS = 8;

interface Pending {
  type: string;
  data: unknown;
  id?: string;
  resolve: (event: Envelope) => void;
  reject: (err: unknown) => void;
}

export function createStore<S, E extends DomainEvent>(options: StoreOptions<S, E>): Store<S, E> {
  return new EventStore(options);
}

class EventStore<S, E extends DomainEvent> implements Store<S, E> {
  readonly name: string;
  readonly file: string;
  readonly ready: Promise<void>;

  private state!: S;
  private seq = 0;
  /** Bytes of the log that hold committed events. */
  private size = 0;
  private ids = new IdIndex();
  private offsets = new OffsetIndex();
  private lastId = '';
  /** States kept every `checkpointEvery` events (seq ascending, starting with the initial state). */
  private readonly checkpoints: { seq: number; state: S }[] = [];
  private readonly checkpointEvery: number;
  private readonly bookmarks: StateCache<S>;
  private readonly recent: StateCache<S>;
  private readonly tail = new StateCache<S>(TAIL_BOOKMARKS);
  private readonly listeners = new Set<Listener<S, E>>();

  private fh?: FileHandle;
  private releaseLock?: () => void;
  private queue: Pending[] = [];
  private flushing?: Promise<void>;
  private broken?: Error;
  private closed = false;

  private readonly snapshotFile: string;
  private readonly snapshotIndexFile: string;
  /** The seq the boot snapshot was taken at: checkpoints before it are rebuilt only when asked for. */
  private bootSnapshotSeq = 0;
  private olderCheckpoints?: Promise<void>;
  private lastSnapshotSeq = 0;
  private snapshotting?: Promise<void>;

  constructor(private readonly options: StoreOptions<S, E>) {
    this.name = options.name;
    this.file = join(options.dir, `${options.name}.jsonl`);
    this.checkpointEvery = options.checkpointEvery ?? 1000;
    this.snapshotFile = join(options.dir, `${options.name}.snapshot.json`);
    this.snapshotIndexFile = join(options.dir, `${options.name}.snapshot.index`);
    const cacheSize = options.stateCacheSize ?? 64;
    this.bookmarks = new StateCache(Math.ceil(cacheSize / 2));
    this.recent = new StateCache(Math.floor(cacheSize / 2));
    this.ready = this.boot();
    // Marks the rejection as handled; whoever awaits `ready` still sees it.
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

  committedBytes(): number {
    this.assertBooted();
    return this.size;
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
    if (input.id !== undefined) {
      if (typeof input.id !== 'string' || input.id === '' || input.id.length > MAX_ID_LENGTH) {
        throw new Error(`event id must be a non-empty string of at most ${MAX_ID_LENGTH} characters`);
      }
      const seq = this.seqOfId(input.id);
      if (seq !== undefined) return (await this.read(seq, seq))[0] as EnvelopeOf<T>;
    }
    return new Promise<Envelope>((resolve, reject) => {
      this.queue.push({ type: parsed.data.type, data: parsed.data.data, id: input.id, resolve, reject });
      this.flushing ??= this.flush();
    }) as Promise<EnvelopeOf<T>>;
  }

  async stateAt(seq: number): Promise<S> {
    await this.ready;
    if (!Number.isSafeInteger(seq) || seq < 0 || seq > this.seq) {
      throw new RangeError(`no state at ${seq}: ${this.name} has events 1..${this.seq}`);
    }
    if (seq === this.seq) return this.state;
    const cached = this.recent.get(seq) ?? this.bookmarks.get(seq);
    if (cached !== undefined) return cached;
    if (seq < this.bootSnapshotSeq) {
      this.olderCheckpoints ??= this.rebuildOlderCheckpoints().catch((err) => {
        this.olderCheckpoints = undefined; // a later call may try again
        throw err;
      });
      await this.olderCheckpoints;
    }
    let base = this.checkpointAtOrBefore(seq);
    for (const cache of [this.tail, this.bookmarks, this.recent]) base = cache.floor(seq, base.seq) ?? base;
    return this.replayTo(base, seq);
  }

  /** Folds the events after `base` up to `target`, caching states on the way (see STRIDE). */
  private async replayTo(base: { seq: number; state: S }, target: number): Promise<S> {
    const { reducer } = this.options;
    let state = base.state;
    let sliceStart = performance.now();
    for (const event of await this.read(base.seq + 1, target)) {
      state = reducer(state, event);
      if (event.seq % STRIDE === 0) this.bookmarks.set(event.seq, state);
      if (event.seq > target - STRIDE) this.recent.set(event.seq, state);
      if (performance.now() - sliceStart > REPLAY_SLICE_MS) {
        await new Promise((resolve) => setImmediate(resolve));
        sliceStart = performance.now();
      }
    }
    return state;
  }

  async read(from: number, to: number = this.seq): Promise<EnvelopeOf<E>[]> {
    await this.ready;
    const first = Math.max(1, from);
    const last = Math.min(to, this.seq);
    if (last < first) return [];
    const end = last < this.seq ? this.offsets.at(last + 1) : this.size;
    const lines = await readLineRange(this.file, this.offsets.at(first), end);
    return lines.map((text, i) => {
      const parsed = parseEnvelope(text, this.options);
      if (!parsed.ok) throw new CorruptLogError(this.file, first + i, parsed.reason);
      return parsed.event as EnvelopeOf<E>;
    });
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.ready.catch(() => {});
    await this.flushing;
    await this.snapshotting;
    await this.fh?.close();
    this.releaseLock?.();
  }

  // --- boot -------------------------------------------------------------------------------

  private async boot(): Promise<void> {
    mkdirSync(this.options.dir, { recursive: true });
    this.releaseLock = await lockDirectory(this.options.dir);
    try {
      const init = this.options.initialState;
      this.state = typeof init === 'function' ? await (init as () => S | Promise<S>)() : init;
      this.checkpoints.push({ seq: 0, state: this.state });
      this.restoreSnapshot();
      this.replay();
      this.fh = await open(this.file, 'a');
      this.maybeSnapshot();
    } catch (err) {
      this.releaseLock();
      throw err;
    }
  }

  /** Folds the log into memory. Any bad line but a torn last one stops the boot, file untouched. */
  private replay(): void {
    const { reducer } = this.options;
    for (const line of scanLines(this.file, { from: this.size, firstLineNo: this.seq + 1 })) {
      const parsed = parseEnvelope(line.text, this.options);
      if (!line.terminated) {
        this.repairTail(line.offset, line.text, parsed.ok && parsed.event.seq === this.seq + 1);
        if (!parsed.ok || parsed.event.seq !== this.seq + 1) break;
      }
      if (!parsed.ok) throw new CorruptLogError(this.file, line.lineNo, parsed.reason);
      const event = parsed.event;
      if (event.seq !== this.seq + 1) {
        throw new CorruptLogError(this.file, line.lineNo, `seq ${event.seq} where ${this.seq + 1} was expected`);
      }
      const earlier = this.seqOfId(event.id);
      if (earlier !== undefined) {
        throw new CorruptLogError(this.file, line.lineNo, `id ${event.id} repeats event ${earlier}`);
      }
      try {
        this.state = reducer(this.state, event as EnvelopeOf<E>);
      } catch (err) {
        throw new CorruptLogError(this.file, line.lineNo, `the reducer rejects it: ${(err as Error).message}`);
      }
      this.record(event, line.offset);
      this.size = line.offset + Buffer.byteLength(line.text) + 1;
    }
  }

  /**
   * The last line has no newline: the process died inside a write. If it is a whole, valid next
   * event (only its newline was lost) it is kept and the newline added; otherwise the torn bytes
   * are moved to `<log>.torn` and cut off. Neither case was ever acknowledged to a client.
   */
  private repairTail(offset: number, text: string, wholeEvent: boolean): void {
    const warn = this.options.warn ?? ((m: string) => console.warn(m));
    if (wholeEvent) {
      appendFileSync(this.file, '\n');
      warn(`${this.file}: the last event had no newline (interrupted write); completed it`);
      return;
    }
    appendFileSync(`${this.file}.torn`, `${new Date().toISOString()} offset ${offset}: ${text}\n`);
    truncateSync(this.file, offset);
    warn(
      `${this.file}: truncated a torn last line at byte ${offset} (${Buffer.byteLength(text)} bytes, ` +
        `an interrupted write that was never acknowledged); kept a copy in ${this.file}.torn`,
    );
  }

  private record(event: Envelope, offset: number): void {
    this.seq = event.seq;
    this.lastId = event.id;
    this.ids.add(hashId(event.id), event.seq);
    this.offsets.push(offset);
    if (event.seq % this.checkpointEvery === 0) this.checkpoints.push({ seq: event.seq, state: this.state });
    if (event.seq % STRIDE === 0) this.tail.set(event.seq, this.state);
  }

  /**
   * The seq of the event recorded with this id, if any. The index holds hashes: each candidate is
   * confirmed by reading its id from the log (`end`: where the indexed part of the log ends).
   */
  private seqOfId(id: string, end = this.size): number | undefined {
    const candidates = this.ids.candidates(hashId(id));
    if (candidates.length === 0) return undefined;
    const fd = openSync(this.file, 'r');
    try {
      for (const seq of candidates) {
        const from = this.offsets.at(seq);
        const to = seq < this.offsets.count ? this.offsets.at(seq + 1) : end;
        const buf = Buffer.allocUnsafe(to - from);
        readSync(fd, buf, 0, buf.length, from);
        if (lineSeqAndId(buf, 0, buf.length - 1)?.id === id) return seq;
      }
      return undefined;
    } finally {
      closeSync(fd);
    }
  }

  private checkpointAtOrBefore(seq: number): { seq: number; state: S } {
    let lo = 0;
    let hi = this.checkpoints.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.checkpoints[mid]!.seq <= seq) lo = mid;
      else hi = mid - 1;
    }
    return this.checkpoints[lo]!;
  }

  private assertBooted(): void {
    if (this.fh === undefined) throw new Error(`store ${this.name} is not ready: await store.ready first`);
  }

  // --- snapshots --------------------------------------------------------------------------

  /**
   * Starts from the snapshot when there is a usable one: its state, and the offsets and ids of
   * the events it covers, loaded from the index saved with it or else indexed straight from the
   * log's bytes (no parsing, no reducer). It must match the log (the event it ends with is really
   * there, with that id, ending at that byte); otherwise it is ignored with a warning and the
   * whole log is replayed.
   */
  private restoreSnapshot(): void {
    const config = this.options.snapshot;
    if (!config) return;
    const warn = this.options.warn ?? ((m: string) => console.warn(m));
    const read = readSnapshot<S>(this.snapshotFile, String(config.version));
    if (!read) return;
    const reject = (reason: string) => {
      warn(`${this.snapshotFile}: not used (${reason}); replaying the whole log`);
      this.ids = new IdIndex();
      this.offsets = new OffsetIndex();
    };
    if (!read.ok) return reject(read.reason);
    const snap = read.snapshot;
    if (statSync(this.file).size < snap.size) return reject(`${this.file} is shorter than the ${snap.size} bytes it covers`);
    const endsAtSnapshot = () =>
      this.offsets.count === snap.seq && this.offsets.at(snap.seq) === snap.lastOffset && this.seqOfId(snap.lastId, snap.size) === snap.seq;

    const saved = readSnapshotIndex(this.snapshotIndexFile, snap.seq, snap.size);
    if (saved) {
      this.ids = saved.ids;
      this.offsets = saved.offsets;
    }
    if (!saved || !endsAtSnapshot()) {
      this.ids = new IdIndex(snap.seq);
      this.offsets = new OffsetIndex(snap.seq);
      const indexed = indexLines(this.file, snap.size, (seq, idHash, offset) => {
        this.ids.add(idHash, seq);
        this.offsets.push(offset);
      });
      if (!indexed.ok) return reject(`it does not match ${this.file}: ${indexed.reason}`);
      if (indexed.count !== snap.seq) return reject(`it covers ${snap.seq} events, the log has ${indexed.count} in ${snap.size} bytes`);
      if (!endsAtSnapshot()) return reject(`event ${snap.seq} of the log is not the one it was taken at`);
    }
    this.state = snap.state;
    this.seq = snap.seq;
    this.lastId = snap.lastId;
    this.size = snap.size;
    this.checkpoints.push({ seq: snap.seq, state: snap.state });
    this.bootSnapshotSeq = this.lastSnapshotSeq = snap.seq;
  }

  /** Writes a new snapshot in the background once `every` events came after the last one. */
  private maybeSnapshot(): void {
    const config = this.options.snapshot;
    if (!config || this.snapshotting || this.broken || this.seq === 0) return;
    if (this.seq - this.lastSnapshotSeq < (config.every ?? SNAPSHOT_EVERY)) return;
    // Captured together, in one tick: the state of exactly these committed bytes.
    const snapshot: Snapshot<S> = {
      format: 1,
      version: String(config.version),
      seq: this.seq,
      lastId: this.lastId,
      lastOffset: this.offsets.at(this.seq),
      size: this.size,
      writtenAt: new Date().toISOString(),
      state: this.state,
    };
    const index = encodeSnapshotIndex(this.seq, this.size, this.offsets, this.ids);
    // The index first: a snapshot is never on disk without the index it was taken with, or with
    // an index of another snapshot (that one is recognised by its seq and size, and ignored).
    this.snapshotting = writeSnapshotIndex(this.snapshotIndexFile, index)
      .then(() => writeSnapshot(this.snapshotFile, snapshot))
      .then(() => {
        this.lastSnapshotSeq = snapshot.seq;
      })
      .catch((err) => console.error(`${this.snapshotFile}: could not write the snapshot (the log is unaffected):`, err))
      .finally(() => {
        this.snapshotting = undefined;
      });
  }

  /**
   * After a boot from a snapshot there are no checkpoints before it: the first `stateAt` of an
   * earlier seq replays the log up to the snapshot once, keeping a checkpoint every
   * `checkpointEvery` events as a full replay would have.
   */
  private async rebuildOlderCheckpoints(): Promise<void> {
    const { reducer } = this.options;
    const end = this.bootSnapshotSeq;
    let state = this.checkpoints[0]!.state;
    const rebuilt: { seq: number; state: S }[] = [];
    for (let from = 1; from <= end; from += this.checkpointEvery) {
      const to = Math.min(end, from + this.checkpointEvery - 1);
      for (const event of await this.read(from, to)) state = reducer(state, event);
      if (to % this.checkpointEvery === 0 && to < end) rebuilt.push({ seq: to, state });
    }
    this.checkpoints.splice(1, 0, ...rebuilt);
  }

  // --- writes -----------------------------------------------------------------------------

  /** Drains the queue: everything queued while a write is in flight shares the next one (group commit). */
  private async flush(): Promise<void> {
    try {
      while (this.queue.length > 0) await this.commit(this.queue.splice(0, MAX_BATCH));
    } finally {
      this.flushing = undefined;
    }
  }

  private async commit(batch: Pending[]): Promise<void> {
    const { reducer } = this.options;
    const now = this.options.now ?? (() => new Date());
    let state = this.state;
    let seq = this.seq;
    const accepted: { pending: Pending; event: Envelope; state: S; line: string }[] = [];
    const inBatch = new Map<string, Envelope>();
    const repeats: { pending: Pending; id: string }[] = [];

    for (const pending of batch) {
      if (pending.id !== undefined && (inBatch.has(pending.id) || this.seqOfId(pending.id) !== undefined)) {
        repeats.push({ pending, id: pending.id });
        continue;
      }
      const event: Envelope = {
        seq: seq + 1,
        id: pending.id ?? randomUUID(),
        type: pending.type,
        at: now().toISOString(),
        data: pending.data,
      };
      try {
        state = reducer(state, event as EnvelopeOf<E>);
      } catch (err) {
        pending.reject(new EventRejectedError(event.type, (err as Error).message ?? String(err), { cause: err }));
        continue;
      }
      seq++;
      inBatch.set(event.id, event);
      accepted.push({ pending, event, state, line: encodeEnvelope(event) });
    }

    if (accepted.length > 0) {
      const buf = Buffer.from(accepted.map((a) => a.line).join(''));
      try {
        await this.append(buf);
      } catch (err) {
        for (const a of accepted) a.pending.reject(err);
        for (const r of repeats) if (inBatch.has(r.id)) r.pending.reject(err);
        await this.rollback(err);
        return;
      }
      let offset = this.size;
      for (const a of accepted) {
        this.state = a.state;
        this.record(a.event, offset);
        offset += Buffer.byteLength(a.line);
      }
      this.size = offset;
      for (const a of accepted) this.notify(a.event as EnvelopeOf<E>, a.state);
      for (const a of accepted) a.pending.resolve(a.event);
      this.maybeSnapshot();
    }

    for (const r of repeats) {
      const own = inBatch.get(r.id);
      if (own) r.pending.resolve(own);
      else {
        const seq = this.seqOfId(r.id)!;
        this.read(seq, seq).then(([e]) => r.pending.resolve(e!), r.pending.reject);
      }
    }
  }

  private async append(buf: Buffer): Promise<void> {
    const fh = this.fh!;
    let written = 0;
    while (written < buf.length) {
      const { bytesWritten } = await fh.write(buf, written, buf.length - written);
      written += bytesWritten;
    }
    await fh.datasync();
  }

  /**
   * A write or fsync failed: cut the file back to its last committed size. After a failed fsync
   * the page cache can no longer be trusted, so the store refuses writes until a restart
   * replays what is really on disk.
   */
  private async rollback(cause: unknown): Promise<void> {
    try {
      await this.fh!.truncate(this.size);
    } catch (err) {
      console.error(`${this.file}: could not roll back a failed write:`, err);
    }
    this.broken = new StoreBrokenError(
      `${this.file}: a write failed (${(cause as Error).message}); restart Shelf to resume writes`,
      { cause },
    );
    console.error(this.broken.message);
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
