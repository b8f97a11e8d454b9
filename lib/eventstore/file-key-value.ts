// The files backend's key-value store: one namespace is one lowdb document beside the logs,
// `<EVENTS_DIR>/<namespace>.json`, readable by its owner only (0600: a namespace may hold secrets),
// bounded in entries. Reads are from memory. A cache's writes go to disk behind the callers, one
// atomic rewrite at a time (what a crash loses is fetched or worked out again; nobody waits for a
// disk to answer a request); any other namespace's write resolves once the document holding it is
// on disk, and is refused past the bound rather than dropping an entry someone relies on.
import { isDeepStrictEqual } from 'node:util';
import { z } from 'zod';
import { createStandaloneDocument, type Document } from '../documents/document';
import { hasPrefix, type KeyValueOptions, type KeyValueStore, type KvEntry, type KvKey, type KvSetOptions } from './key-value';

/** What `<namespace>.json` holds (`npm run migrate` reads it too). */
export const keyValueFileSchema = z.object({
  entries: z.array(z.object({ key: z.array(z.string()).min(1), value: z.unknown(), expiresAt: z.number().nullable() })),
});
type Stored = z.infer<typeof keyValueFileSchema>;
interface Entry {
  key: KvKey;
  value: unknown;
  expiresAt: number | null;
}
type Entries = Map<string, Entry>;

const encode = (key: KvKey) => JSON.stringify(key);

export class FileKeyValueStore implements KeyValueStore {
  private readonly doc: Document<Stored>;
  /** The entries as they are (a cache) or as they are on disk (any other namespace). */
  private entries?: Promise<Entries>;
  /** A cache's rewrite under way. */
  private flushing?: Promise<void>;
  private dirty = false;
  /** Durable changes, one at a time. */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    file: string,
    private readonly options: KeyValueOptions,
    private readonly now: () => number = Date.now,
  ) {
    this.doc = createStandaloneDocument(file, keyValueFileSchema, () => ({ entries: [] }), undefined, 0o600);
  }

  get file(): string {
    return this.doc.where;
  }

  private load(): Promise<Entries> {
    return (this.entries ??= this.doc.read().then(
      (d) => new Map(d.entries.map((e) => [encode(e.key as unknown as KvKey), { ...e, key: e.key as unknown as KvKey }])),
      (err) => ((this.entries = undefined), Promise.reject(err)),
    ));
  }

  private expired(entry: Entry | undefined): boolean {
    return entry?.expiresAt != null && entry.expiresAt <= this.now();
  }

  private live(entries: Entries, key: KvKey): Entry | undefined {
    const entry = entries.get(encode(key));
    return this.expired(entry) ? undefined : entry;
  }

  private entry(key: KvKey, value: unknown, options: KvSetOptions | undefined): Entry {
    return { key: [...key] as unknown as KvKey, value: structuredClone(value), expiresAt: options?.ttlMs ? this.now() + options.ttlMs : null };
  }

  async get<T = unknown>(key: KvKey): Promise<T | undefined> {
    return this.live(await this.load(), key)?.value as T | undefined;
  }

  async set(key: KvKey, value: unknown, options?: KvSetOptions): Promise<void> {
    const entry = this.entry(key, value, options);
    await this.change((entries) => this.put(entries, entry));
  }

  async delete(key: KvKey): Promise<void> {
    await this.change((entries) => entries.delete(encode(key)));
  }

  async cas(key: KvKey, expected: unknown, value: unknown, options?: KvSetOptions): Promise<boolean> {
    const entry = this.entry(key, value, options);
    // Inside one change: no other call of this process comes between the comparison and the write.
    return this.change((entries) => isDeepStrictEqual(this.live(entries, key)?.value, expected) && this.put(entries, entry));
  }

  async *list(prefix?: KvKey): AsyncIterable<KvEntry> {
    const entries = await this.load();
    for (const entry of [...entries.values()]) {
      if (hasPrefix(entry.key, prefix) && !this.expired(entry)) yield { key: entry.key, value: entry.value };
    }
  }

  /** Resolves once everything written so far is on disk. */
  async flush(): Promise<void> {
    await this.queue;
    while (this.flushing) await this.flushing;
  }

  /** Sets the entry, last in the Map's order (the order of eviction); false past the bound. */
  private put(entries: Entries, entry: Entry): boolean {
    const id = encode(entry.key);
    entries.delete(id);
    entries.set(id, entry);
    if (entries.size <= this.options.maxEntries) return true;
    for (const [key, e] of entries) if (this.expired(e)) entries.delete(key);
    if (!this.options.cache) {
      if (entries.size > this.options.maxEntries) throw new Error(`${this.doc.where} holds its ${this.options.maxEntries} entries: nothing more is kept`);
      return true;
    }
    for (const key of entries.keys()) {
      if (entries.size <= this.options.maxEntries) break;
      entries.delete(key);
    }
    return true;
  }

  /** Applies `apply` (true: something changed): at once in a cache, saved behind; else on a copy, committed once on disk. */
  private async change(apply: (entries: Entries) => boolean): Promise<boolean> {
    if (this.options.cache) {
      const changed = apply(await this.load());
      if (changed) this.saveBehind();
      return changed;
    }
    const run = this.queue.then(async () => {
      const next = new Map(await this.load());
      if (!apply(next)) return false;
      await this.doc.update(() => serialise(next));
      this.entries = Promise.resolve(next);
      return true;
    });
    this.queue = run.catch(() => {});
    return run;
  }

  /** One rewrite at a time, behind the callers; the changes made meanwhile go in the next one. */
  private saveBehind(): void {
    this.dirty = true;
    this.flushing ??= (async () => {
      try {
        while (this.dirty) {
          this.dirty = false;
          const stored = serialise(await this.load());
          await this.doc.update(() => stored);
        }
      } catch (err) {
        console.warn(`key-value: could not save ${this.doc.where} (a cache; kept in memory): ${(err as Error).message}`);
      } finally {
        this.flushing = undefined;
      }
    })();
  }
}

const serialise = (entries: Entries): Stored => ({ entries: [...entries.values()].map((e) => ({ key: [...e.key], value: e.value, expiresAt: e.expiresAt })) });
