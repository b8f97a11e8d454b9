// The feed's ids in order, as a persistent sequence: a list of short chunks, so a change copies one
// chunk and the list of chunks, never the whole feed. With one flat array, every entry logged copied
// every id before it: importing 10,000 rows into a shelf of 20,000 copied 250 million ids.
// Nothing given is ever changed (evolve folds with it), and reading it in order is a plain walk.

/** A chunk is split in two when a change would make it longer than this. */
const MAX_CHUNK = 128;

/** Whether the entry `id` comes before the one being placed (the feed is sorted by it). */
export type Precedes = (id: string) => boolean;

export class FeedOrder implements Iterable<string> {
  static readonly empty = new FeedOrder([], 0);

  private constructor(
    private readonly chunks: readonly (readonly string[])[],
    /** How many ids. */
    readonly length: number,
  ) {}

  /** The feed with `id` at its place: after every id that precedes it. */
  with(id: string, precedes: Precedes): FeedOrder {
    if (this.chunks.length === 0) return new FeedOrder([[id]], 1);
    // The place is in the first chunk whose last id does not precede it, else at the very end.
    const found = this.chunkOf(precedes);
    const c = found === this.chunks.length ? found - 1 : found;
    const chunk = this.chunks[c]!;
    const grown = chunk.toSpliced(placeIn(chunk, precedes), 0, id);
    const parts = grown.length > MAX_CHUNK ? [grown.slice(0, grown.length >> 1), grown.slice(grown.length >> 1)] : [grown];
    return new FeedOrder(this.chunks.toSpliced(c, 1, ...parts), this.length + 1);
  }

  /** The feed without `id`, found where it stands (every id before it precedes it); unchanged when it is not there. */
  without(id: string, precedes: Precedes): FeedOrder {
    const c = this.chunkOf(precedes);
    const chunk = this.chunks[c];
    if (!chunk) return this;
    const i = placeIn(chunk, precedes);
    if (chunk[i] !== id) return this;
    const shrunk = chunk.toSpliced(i, 1);
    return new FeedOrder(shrunk.length ? this.chunks.toSpliced(c, 1, shrunk) : this.chunks.toSpliced(c, 1), this.length - 1);
  }

  *[Symbol.iterator](): Iterator<string> {
    for (const chunk of this.chunks) yield* chunk;
  }

  /** The ids from `start` up to (not including) `end`, as Array.prototype.slice with non-negative bounds. */
  slice(start = 0, end = this.length): string[] {
    const out: string[] = [];
    let offset = 0;
    for (const chunk of this.chunks) {
      if (offset >= end) break;
      if (offset + chunk.length > start) out.push(...chunk.slice(Math.max(0, start - offset), end - offset));
      offset += chunk.length;
    }
    return out;
  }

  /** The first chunk whose last id does not precede the one being placed (the chunk count when every one does). */
  private chunkOf(precedes: Precedes): number {
    let lo = 0;
    let hi = this.chunks.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      const chunk = this.chunks[mid]!;
      if (precedes(chunk[chunk.length - 1]!)) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}

/** The first index of `chunk` whose id does not precede the one being placed. */
function placeIn(chunk: readonly string[], precedes: Precedes): number {
  let lo = 0;
  let hi = chunk.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (precedes(chunk[mid]!)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
