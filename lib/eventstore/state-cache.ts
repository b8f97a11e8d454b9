/**
 * The states `stateAt` built most recently, by seq, least recently used evicted first. Log
 * order never changes below the head, so a cached state never goes stale.
 */
export class StateCache<S> {
  private readonly states = new Map<number, S>();

  constructor(readonly capacity: number) {}

  get size(): number {
    return this.states.size;
  }

  get(seq: number): S | undefined {
    const state = this.states.get(seq);
    if (state !== undefined) this.touch(seq, state);
    return state;
  }

  set(seq: number, state: S): void {
    if (this.capacity <= 0) return;
    this.touch(seq, state);
    if (this.states.size > this.capacity) this.states.delete(this.states.keys().next().value!);
  }

  /** The cached state with the greatest seq in [min, seq], if any (a linear scan of at most `capacity`). */
  floor(seq: number, min: number): { seq: number; state: S } | undefined {
    let best: number | undefined;
    for (const key of this.states.keys()) if (key <= seq && key >= min && (best === undefined || key > best)) best = key;
    return best === undefined ? undefined : { seq: best, state: this.get(best)! };
  }

  private touch(seq: number, state: S): void {
    this.states.delete(seq);
    this.states.set(seq, state);
  }
}
