import { StateCache } from './state-cache';
import type { Envelope } from './types';

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

type Point<S> = { seq: number; state: S };

export interface StateHistoryOptions<S> {
  evolve: (state: S, event: Envelope) => S;
  /** Recorded events from..to, read from the log. */
  read: (from: number, to: number) => Promise<Envelope[]>;
  checkpointEvery: number;
  cacheSize: number;
}

/**
 * A store's past states: a checkpoint every `checkpointEvery` events (so `stateAt` never replays
 * more than that many), plus caches of recently built states. Log order never changes below the
 * head, so nothing here goes stale. History pages ask `stateAt`; they never replay themselves.
 */
export class StateHistory<S> {
  /** States kept every `checkpointEvery` events (seq ascending, starting with the initial state). */
  private readonly checkpoints: Point<S>[] = [];
  private readonly bookmarks: StateCache<S>;
  private readonly recent: StateCache<S>;
  private readonly tail = new StateCache<S>(TAIL_BOOKMARKS);
  /** The seq the boot snapshot was taken at: checkpoints before it are rebuilt only when asked for. */
  private snapshotSeq = 0;
  private olderCheckpoints?: Promise<void>;

  constructor(private readonly options: StateHistoryOptions<S>) {
    this.bookmarks = new StateCache(Math.ceil(options.cacheSize / 2));
    this.recent = new StateCache(Math.floor(options.cacheSize / 2));
  }

  /** The state before the first event. */
  start(initial: S): void {
    this.checkpoints.push({ seq: 0, state: initial });
  }

  /** The boot started from a snapshot of `seq`: the checkpoints before it come on demand. */
  startAtSnapshot(seq: number, state: S): void {
    this.checkpoints.push({ seq, state });
    this.snapshotSeq = seq;
  }

  /** Called with each event's resulting state as the live state moves on. */
  applied(seq: number, state: S): void {
    if (seq % this.options.checkpointEvery === 0) this.checkpoints.push({ seq, state });
    if (seq % STRIDE === 0) this.tail.set(seq, state);
  }

  /** The state as of `seq` (checked by the caller to be below the head). */
  async stateAt(seq: number): Promise<S> {
    const cached = this.recent.get(seq) ?? this.bookmarks.get(seq);
    if (cached !== undefined) return cached;
    if (seq < this.snapshotSeq) {
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

  /** How many events `stateAt(seq)` would replay from the nearest kept state (for callers that budget replays). */
  replayDistance(seq: number): number {
    if (seq < this.snapshotSeq) return seq % this.options.checkpointEvery; // once rebuilt (see rebuildOlderCheckpoints)
    let base = this.checkpointAtOrBefore(seq).seq;
    for (const cache of [this.tail, this.bookmarks, this.recent]) base = cache.floor(seq, base)?.seq ?? base;
    return seq - base;
  }

  /** Folds the events after `base` up to `target`, caching states on the way (see STRIDE). */
  private async replayTo(base: Point<S>, target: number): Promise<S> {
    let state = base.state;
    let sliceStart = performance.now();
    if (target <= base.seq) return state;
    for (const event of await this.options.read(base.seq + 1, target)) {
      state = this.options.evolve(state, event);
      if (event.seq % STRIDE === 0) this.bookmarks.set(event.seq, state);
      if (event.seq > target - STRIDE) this.recent.set(event.seq, state);
      if (performance.now() - sliceStart > REPLAY_SLICE_MS) {
        await new Promise((resolve) => setImmediate(resolve));
        sliceStart = performance.now();
      }
    }
    return state;
  }

  private checkpointAtOrBefore(seq: number): Point<S> {
    let lo = 0;
    let hi = this.checkpoints.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.checkpoints[mid]!.seq <= seq) lo = mid;
      else hi = mid - 1;
    }
    return this.checkpoints[lo]!;
  }

  /**
   * After a boot from a snapshot there are no checkpoints before it: the first `stateAt` of an
   * earlier seq replays the log up to the snapshot once, keeping a checkpoint every
   * `checkpointEvery` events as a full replay would have.
   */
  private async rebuildOlderCheckpoints(): Promise<void> {
    const { evolve, read, checkpointEvery } = this.options;
    const end = this.snapshotSeq;
    let state = this.checkpoints[0]!.state;
    const rebuilt: Point<S>[] = [];
    for (let from = 1; from <= end; from += checkpointEvery) {
      const to = Math.min(end, from + checkpointEvery - 1);
      for (const event of await read(from, to)) state = evolve(state, event);
      if (to % checkpointEvery === 0 && to < end) rebuilt.push({ seq: to, state });
    }
    this.checkpoints.splice(1, 0, ...rebuilt);
  }
}
