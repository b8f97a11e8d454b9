// Fedify's key-value store on Shelf's files: what Fedify caches (other servers' public keys) and
// remembers for a day (inbox activities already handled) lives in one lowdb document,
// `events/fediverse-cache.json`. Reads and writes are in memory, and the document is rewritten
// behind them, one atomic rewrite at a time (a cache: a crash loses at most the last moment's
// entries, which Fedify fetches or checks again; nobody waits for a disk to answer an inbox).
// Bounded: past `maxEntries` the expired go first, then the oldest.
import type { KvKey, KvStore, KvStoreListEntry, KvStoreSetOptions } from '@fedify/fedify';
import { isDeepStrictEqual } from 'node:util';
import { z } from 'zod';
import { createStandaloneDocument, type Document } from '../../documents/document';

const documentSchema = z.object({
  entries: z.array(z.object({ key: z.array(z.string()).min(1), value: z.unknown(), expiresAt: z.number().nullable() })),
});
type Stored = z.infer<typeof documentSchema>;
interface Entry {
  key: KvKey;
  value: unknown;
  expiresAt: number | null;
}

export const CACHE_FILE = 'fediverse-cache.json';
const encode = (key: KvKey) => JSON.stringify(key);
const expiry = (options: KvStoreSetOptions | undefined, now: number) => (options?.ttl ? now + options.ttl.total({ unit: 'milliseconds' }) : null);

export class FileKvStore implements KvStore {
  private readonly doc: Document<Stored>;
  private entries?: Promise<Map<string, Entry>>;
  private flushing?: Promise<void>;
  private dirty = false;

  constructor(
    file: string,
    private readonly maxEntries = 5_000,
    private readonly now: () => number = Date.now,
  ) {
    this.doc = createStandaloneDocument(file, documentSchema, () => ({ entries: [] }), undefined, 0o600);
  }

  private load(): Promise<Map<string, Entry>> {
    return (this.entries ??= this.doc.read().then((d) => new Map(d.entries.map((e) => [encode(e.key as unknown as KvKey), { ...e, key: e.key as unknown as KvKey }]))));
  }

  private live(entries: Map<string, Entry>, id: string): Entry | undefined {
    const entry = entries.get(id);
    if (entry?.expiresAt != null && entry.expiresAt <= this.now()) {
      entries.delete(id);
      return undefined;
    }
    return entry;
  }

  async get<T = unknown>(key: KvKey): Promise<T | undefined> {
    return this.live(await this.load(), encode(key))?.value as T | undefined;
  }

  async set(key: KvKey, value: unknown, options?: KvStoreSetOptions): Promise<void> {
    const entries = await this.load();
    const id = encode(key);
    entries.delete(id); // re-inserted last: the Map's order is the eviction order
    entries.set(id, { key, value: structuredClone(value), expiresAt: expiry(options, this.now()) });
    this.evict(entries);
    this.save();
  }

  async delete(key: KvKey): Promise<void> {
    if ((await this.load()).delete(encode(key))) this.save();
  }

  async cas(key: KvKey, expectedValue: unknown, newValue: unknown, options?: KvStoreSetOptions): Promise<boolean> {
    // Synchronous between the read and the write: no other call of this process interleaves.
    const entries = await this.load();
    const id = encode(key);
    if (!isDeepStrictEqual(this.live(entries, id)?.value, expectedValue)) return false;
    entries.delete(id);
    entries.set(id, { key, value: structuredClone(newValue), expiresAt: expiry(options, this.now()) });
    this.evict(entries);
    this.save();
    return true;
  }

  async *list(prefix?: KvKey): AsyncIterable<KvStoreListEntry> {
    const entries = await this.load();
    for (const [id, entry] of [...entries]) {
      if (prefix && (entry.key.length < prefix.length || !prefix.every((p, i) => entry.key[i] === p))) continue;
      if (!this.live(entries, id)) continue;
      yield { key: entry.key, value: entry.value };
    }
  }

  /** Resolves once everything set so far is on disk. */
  async flush(): Promise<void> {
    while (this.flushing) await this.flushing;
  }

  private evict(entries: Map<string, Entry>): void {
    if (entries.size <= this.maxEntries) return;
    const now = this.now();
    for (const [id, e] of entries) if (e.expiresAt != null && e.expiresAt <= now) entries.delete(id);
    for (const id of entries.keys()) {
      if (entries.size <= this.maxEntries) break;
      entries.delete(id);
    }
  }

  /** One rewrite at a time, behind the callers; the changes made meanwhile go in the next one. */
  private save(): void {
    this.dirty = true;
    this.flushing ??= (async () => {
      try {
        while (this.dirty) {
          this.dirty = false;
          const entries = [...(await this.load()).values()].map((e) => ({ key: [...e.key], value: e.value, expiresAt: e.expiresAt }));
          await this.doc.update(() => ({ entries }));
        }
      } catch (err) {
        console.warn(`fediverse: could not save ${this.doc.file} (a cache; kept in memory): ${(err as Error).message}`);
      } finally {
        this.flushing = undefined;
      }
    })();
  }
}
