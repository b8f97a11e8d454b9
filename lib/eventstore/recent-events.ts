import type { Envelope } from './event';

/**
 * The last events a store applied, kept by seq, so whoever reads just behind the head (each
 * processor after every write, an idempotent retry) gets them from memory, parsed already, instead
 * of from the log. Kept only while contiguous; a read of anything older goes to the log.
 */
export class RecentEvents {
  private readonly ring: Envelope[];
  /** The seq of the newest event kept (0: none). */
  private newest = 0;
  private count = 0;

  constructor(private readonly capacity = 1024) {
    this.ring = new Array<Envelope>(capacity);
  }

  add(event: Envelope): void {
    if (event.seq !== this.newest + 1) this.count = 0;
    this.ring[event.seq % this.capacity] = event;
    this.newest = event.seq;
    this.count = Math.min(this.count + 1, this.capacity);
  }

  /** Events `first` to `last`, when every one of them is kept; undefined otherwise. */
  range(first: number, last: number): Envelope[] | undefined {
    if (first <= this.newest - this.count || last > this.newest || first > last) return undefined;
    const out = new Array<Envelope>(last - first + 1);
    for (let seq = first; seq <= last; seq++) out[seq - first] = this.ring[seq % this.capacity]!;
    return out;
  }
}
