/**
 * Which seq recorded each event id, kept as 32-bit hashes in two typed arrays (8 bytes a slot,
 * at most half full) rather than as a Map of strings: a million ids cost 16 MB instead of about
 * 100 MB, and indexing a log needs no string per line. A hash only names candidates; the store
 * confirms one by reading that event's id from the log, which happens only for a repeated id or
 * a rare hash collision (about one lookup in 4,000 at a million events).
 */
export class IdIndex {
  private hashes: Uint32Array;
  /** 0 marks an empty slot (seqs start at 1). */
  private seqs: Uint32Array;
  private count = 0;

  /** `expected`: how many ids are about to be added, so the table is sized once. */
  constructor(expected = 0) {
    let slots = 1024;
    while (slots < expected * 2) slots *= 2;
    this.hashes = new Uint32Array(slots);
    this.seqs = new Uint32Array(slots);
  }

  add(hash: number, seq: number): void {
    if ((this.count + 1) * 2 > this.seqs.length) this.grow();
    this.put(hash >>> 0, seq);
    this.count++;
  }

  /** The seqs whose id has this hash, oldest first. */
  candidates(hash: number): number[] {
    const h = hash >>> 0;
    const mask = this.seqs.length - 1;
    const out: number[] = [];
    for (let i = slot(h, mask); this.seqs[i] !== 0; i = (i + 1) & mask) if (this.hashes[i] === h) out.push(this.seqs[i]!);
    return out.sort((a, b) => a - b);
  }

  get size(): number {
    return this.count;
  }

  private put(h: number, seq: number): void {
    const mask = this.seqs.length - 1;
    let i = slot(h, mask);
    while (this.seqs[i] !== 0) i = (i + 1) & mask;
    this.hashes[i] = h;
    this.seqs[i] = seq;
  }

  private grow(): void {
    const { hashes, seqs } = this;
    this.hashes = new Uint32Array(seqs.length * 2);
    this.seqs = new Uint32Array(seqs.length * 2);
    for (let i = 0; i < seqs.length; i++) if (seqs[i] !== 0) this.put(hashes[i]!, seqs[i]!);
  }
}

/** Fibonacci hashing spreads FNV's weak low bits over the table. */
const slot = (h: number, mask: number) => Math.imul(h, 0x9e3779b1) >>> 0 & mask;

/** FNV-1a over an id's UTF-8 bytes, straight from a buffer. */
export function hashIdBytes(buf: Uint8Array, from: number, to: number): number {
  let h = 0x811c9dc5;
  for (let i = from; i < to; i++) h = Math.imul(h ^ buf[i]!, 0x01000193);
  return h >>> 0;
}

/** The same hash for an id string (equal to hashIdBytes of its UTF-8 encoding). */
export function hashId(id: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) {
    const c = id.charCodeAt(i);
    if (c >= 0x80) {
      const bytes = Buffer.from(id, 'utf8');
      return hashIdBytes(bytes, 0, bytes.length);
    }
    h = Math.imul(h ^ c, 0x01000193);
  }
  return h >>> 0;
}
