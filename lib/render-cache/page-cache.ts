import { LRUCache } from 'lru-cache';

/** A rendered page as it is replayed to clients. */
export interface CachedPage {
  status: number;
  headers: readonly (readonly [string, string])[];
  body: Uint8Array<ArrayBuffer>;
  /** The body gzipped, made once with the page: served to clients that accept gzip. */
  gzip?: Uint8Array;
}

interface Entry {
  /** The state version the page was rendered at (or after): it answers requests at exactly this version. */
  version: string;
  page: CachedPage;
}

export interface PageCacheOptions {
  /** Distinct URLs kept. */
  maxEntries?: number;
  /** Total body bytes kept. */
  maxBytes?: number;
}

/**
 * Rendered pages by URL, each tagged with the state version it was rendered at. A lookup hits
 * only when the tag equals the version now, so a write (which bumps the version) makes every
 * older page unreachable at once: a read after a write never sees the page from before it.
 * One entry per URL (the newest version), bounded by count and bytes (least recently used goes).
 */
export class PageCache {
  private readonly entries: LRUCache<string, Entry>;
  /** Renders in flight by `version url`: concurrent misses share one render. */
  private readonly inflight = new Map<string, Promise<CachedPage | undefined>>();

  constructor({ maxEntries = 64, maxBytes = 64 << 20 }: PageCacheOptions = {}) {
    this.entries = new LRUCache<string, Entry>({
      max: maxEntries,
      maxSize: maxBytes,
      sizeCalculation: (e) => Math.max(1, e.page.body.byteLength + (e.page.gzip?.byteLength ?? 0)),
    });
  }

  get(url: string, version: string): CachedPage | undefined {
    const entry = this.entries.get(url);
    return entry?.version === version ? entry.page : undefined;
  }

  /** Keeps a page unless a newer version of that URL is already cached. A page too big for the cache is not kept. */
  set(url: string, version: string, page: CachedPage): void {
    const current = this.entries.peek(url);
    if (current && compareVersions(current.version, version) > 0) return;
    this.entries.set(url, { version, page });
  }

  /**
   * The cached page, or the result of `render` stored under `version` (when `render` says it may
   * be kept). Concurrent calls for the same URL and version run `render` once.
   */
  async getOrRender(
    url: string,
    version: string,
    render: () => Promise<{ page: CachedPage; cacheable: boolean }>,
  ): Promise<{ page: CachedPage; hit: boolean }> {
    const cached = this.get(url, version);
    if (cached) return { page: cached, hit: true };
    const key = `${version} ${url}`;
    let pending = this.inflight.get(key);
    if (!pending) {
      pending = render().then(({ page, cacheable }) => {
        if (cacheable) this.set(url, version, page);
        return page;
      });
      pending.finally(() => this.inflight.delete(key)).catch(() => {});
      this.inflight.set(key, pending);
    }
    return { page: (await pending)!, hit: false };
  }

  get size(): number {
    return this.entries.size;
  }

  get bytes(): number {
    return this.entries.calculatedSize;
  }
}

/**
 * Versions are dot-separated parts (store seqs, then the day): compared part by part, numerically
 * when both parts are numbers, so "10.x" is newer than "9.x".
 */
export function compareVersions(a: string, b: string): number {
  const pa = a.split('.');
  const pb = b.split('.');
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const x = pa[i] ?? '';
    const y = pb[i] ?? '';
    if (x === y) continue;
    const nx = Number(x);
    const ny = Number(y);
    if (x !== '' && y !== '' && Number.isFinite(nx) && Number.isFinite(ny)) return nx - ny;
    return x < y ? -1 : 1;
  }
  return 0;
}
