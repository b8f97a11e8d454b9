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

  /** The offset of the line of event `seq` (1-based). */
  at(seq: number): number {
    if (seq < 1 || seq > this.n) throw new RangeError(`no event ${seq} (have 1..${this.n})`);
    return this.offsets[seq]!;
  }
}
