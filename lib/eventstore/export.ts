// A store's log as JSON lines (the format of events/README.md), from whichever backend holds it:
// the committed bytes of the file, or the database's rows encoded the same way.
import { createReadStream } from 'node:fs';
import { encodeEnvelope } from './envelope';
import { eventsAfter } from './postgres/event-log';
import type { Database } from './postgres/connection';

/** The file's first `size` bytes (its committed events: see FileLog.export). */
export async function* fileLogChunks(file: string, size: number): AsyncGenerator<Buffer> {
  if (size === 0) return;
  for await (const chunk of createReadStream(file, { start: 0, end: size - 1 })) yield chunk as Buffer;
}

/** The database's events of `store` up to `last` (the version when the export began), a page at a time. */
export async function* databaseLogChunks(sql: Database, store: string, last = Infinity): AsyncGenerator<Buffer> {
  for await (const page of eventsAfter(sql, store, 0)) {
    const lines = page.filter((e) => e.seq <= last).map(encodeEnvelope);
    if (lines.length > 0) yield Buffer.from(lines.join(''));
    if (page.at(-1)!.seq >= last) return;
  }
}
