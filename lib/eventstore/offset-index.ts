/** Byte offset of each event's line by seq, in a growable typed array (8 bytes an event). */
export class OffsetIndex {
  private offsets: Float64Array;

  /** `expected`: how many events are about to be indexed, so the array is sized once. */
  constructor(expected = 0) {
    this.offsets = new Float64Array(Math.max(1024, expected + 2));
  }

  private n = 0;

  /** Records the offset of the line of event `count + 1`. */
  push(offset: number): void {
    if (this.n + 1 >= this.offsets.length) {
      const grown = new Float64Array(this.offsets.length * 2);
      grown.set(this.offsets);
      this.offsets = grown;
    }
    this.offsets[++this.n] = offset;
  }

  /** How many events are indexed. */
  get count(): number {
    return this.n;
  }

  /** Offsets of events 1..count, as stored (a view, not a copy: copy it before the index grows). */
  view(): Float64Array {
    return this.offsets.subarray(1, this.n + 1);
  }

  /** An index of exactly these offsets (of events 1..offsets.length), with room to grow. */
  static of(offsets: Float64Array): OffsetIndex {
    const index = new OffsetIndex(offsets.length);
    index.offsets.set(offsets, 1);
    index.n = offsets.length;
    return index;
  }

  /** The offset of the line of event `seq` (1-based). */
  at(seq: number): number {
    if (seq < 1 || seq > this.n) throw new RangeError(`no event ${seq} (have 1..${this.n})`);
    return this.offsets[seq]!;
  }
}
