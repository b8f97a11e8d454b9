// Clients that wrote a moment ago (any request but GET and HEAD, seen at the edge): they never get
// a stale answer (lib/edge/cache.ts), so a client reads its own writes, while every other reader
// may get the previous version of a page for as long as the next one takes to render.

/** How long a client counts as having just written. */
export const WRITER_MEMORY_MS = 60_000;
const MAX_WRITERS = 10_000;

export class RecentWriters {
  private readonly at = new Map<string, number>();

  constructor(private readonly memoryMs = WRITER_MEMORY_MS) {}

  noteWrite(client: string, now = Date.now()): void {
    this.at.delete(client);
    this.at.set(client, now);
    // Oldest first: past the bound the oldest are forgotten (they may then get a stale page once).
    if (this.at.size > MAX_WRITERS) this.at.delete(this.at.keys().next().value!);
  }

  wroteRecently(client: string, now = Date.now()): boolean {
    const at = this.at.get(client);
    return at !== undefined && now - at < this.memoryMs;
  }
}
