/** Byte offset of each event's line by seq, in a growable typed array (8 bytes an event). */
export class OffsetIndex {
  private offsets = new Float64Array(1024);
  private count = 0;

  /** Records the offset of the line of event `count + 1`. */
  push(offset: number): void {
    if (this.count + 1 >= this.offsets.length) {
      const grown = new Float64Array(this.offsets.length * 2);
      grown.set(this.offsets);
      this.offsets = grown;
    }
    this.offsets[++this.count] = offset;
  }

  /** The offset of the line of event `seq` (1-based). */
  at(seq: number): number {
    if (seq < 1 || seq > this.count) throw new RangeError(`no event ${seq} (have 1..${this.count})`);
    return this.offsets[seq]!;
  }
}
