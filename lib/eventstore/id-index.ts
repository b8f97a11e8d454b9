/**
 * Which seq recorded each event id, kept as 32-bit hashes in one typed array (a slot is a hash and
 * a seq side by side, 8 bytes, so a probe touches one cache line; at most half full) rather than
 * as a Map of strings: a million ids cost 16 MB instead of about 100 MB, and indexing a log needs
 * no string per line. A hash only names candidates; the store confirms one by reading that
 * event's id from the log, which happens only for a repeated id or a rare hash collision (about
 * one lookup in 4,000 at a million events).
 */
export class IdIndex {
  /** Slot i is [2i] hash, [2i + 1] seq; seq 0 marks an empty slot (seqs start at 1). */
  private table: Uint32Array;
  private count = 0;

  /** `expected`: how many ids are about to be added, so the table is sized once. */
  constructor(expected = 0) {
    let slots = 1024;
    while (slots < expected * 2) slots *= 2;
    this.table = new Uint32Array(slots * 2);
  }

  /** Makes room for `more` ids beyond those held, growing the table once now rather than step by step. */
  reserve(more: number): void {
    const needed = (this.count + more) * 4;
    if (needed <= this.table.length) return;
    let length = this.table.length;
    while (length < needed) length *= 2;
    this.rehash(length);
  }

  add(hash: number, seq: number): void {
    if ((this.count + 1) * 4 > this.table.length) this.grow();
    this.put(hash >>> 0, seq);
    this.count++;
  }

  /**
   * Adds `seq` under `hash` and returns true when no id with this hash is held (the common case,
   * one walk of the probe sequence instead of a look-up then an add); returns false, adding
   * nothing, when one is: the caller then confirms whether the id really repeats.
   */
  addIfNew(hash: number, seq: number): boolean {
    if ((this.count + 1) * 4 > this.table.length) this.grow();
    const h = hash >>> 0;
    const { table } = this;
    const mask = (table.length >>> 1) - 1;
    let i = slot(h, mask);
    for (; table[2 * i + 1] !== 0; i = (i + 1) & mask) if (table[2 * i] === h) return false;
    table[2 * i] = h;
    table[2 * i + 1] = seq;
    this.count++;
    return true;
  }

  /** The seqs whose id has this hash, oldest first (the same empty array when there are none: the common case). */
  candidates(hash: number): readonly number[] {
    const h = hash >>> 0;
    const { table } = this;
    const mask = (table.length >>> 1) - 1;
    let out: number[] | undefined;
    for (let i = slot(h, mask); table[2 * i + 1] !== 0; i = (i + 1) & mask) if (table[2 * i] === h) (out ??= []).push(table[2 * i + 1]!);
    return out ? out.sort((a, b) => a - b) : NONE;
  }

  get size(): number {
    return this.count;
  }

  /** The table as stored (a view: copy it before more ids are added). */
  view(): Uint32Array {
    return this.table;
  }

  /** An index over a table that `view()` gave, holding `count` ids; undefined when the table cannot be one. */
  static of(table: Uint32Array, count: number): IdIndex | undefined {
    const slots = table.length >>> 1;
    if (slots < 1024 || (slots & (slots - 1)) !== 0 || count * 4 > table.length) return undefined;
    const index = new IdIndex();
    index.table = table;
    index.count = count;
    return index;
  }

  private put(h: number, seq: number): void {
    const { table } = this;
    const mask = (table.length >>> 1) - 1;
    let i = slot(h, mask);
    while (table[2 * i + 1] !== 0) i = (i + 1) & mask;
    table[2 * i] = h;
    table[2 * i + 1] = seq;
  }

  private grow(): void {
    this.rehash(this.table.length * 2);
  }

  private rehash(length: number): void {
    const old = this.table;
    this.table = new Uint32Array(length);
    for (let i = 0; i < old.length; i += 2) if (old[i + 1] !== 0) this.put(old[i]!, old[i + 1]!);
  }
}

const NONE: readonly number[] = Object.freeze([]);

/** Fibonacci hashing spreads FNV's weak low bits over the table. */
const slot = (h: number, mask: number) => Math.imul(h, 0x9e3779b1) >>> 0 & mask;

export const FNV_OFFSET = 0x811c9dc5;
export const FNV_PRIME = 0x01000193;

/** FNV-1a over an id's UTF-8 bytes, straight from a buffer. */
export function hashIdBytes(buf: Uint8Array, from: number, to: number): number {
  let h = FNV_OFFSET;
  for (let i = from; i < to; i++) h = Math.imul(h ^ buf[i]!, FNV_PRIME);
  return h >>> 0;
}

/**
 * The same hash for an id string (equal to hashIdBytes of its UTF-8 encoding), or for the id that
 * is `text.slice(from, to)`, read in place.
 */
export function hashId(text: string, from = 0, to = text.length): number {
  let h = FNV_OFFSET;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x80) {
      const bytes = Buffer.from(text.slice(from, to), 'utf8');
      return hashIdBytes(bytes, 0, bytes.length);
    }
    h = Math.imul(h ^ c, FNV_PRIME);
  }
  return h >>> 0;
}
