import { LRUCache } from 'lru-cache';
import type { Wire } from '../http/wire';

/**
 * Hot reads as they went out, by request (route, URL as sent, gzip or not), each tagged with the
 * state version it was made at: a request at the same version gets the same bytes without
 * running the route again. A write bumps the version, so a read after a write never gets an
 * older answer. Bounded by count: URLs are the client's to choose.
 */
export class AnswerMemo {
  private readonly entries: LRUCache<string, { version: string; wire: Wire }>;

  constructor(maxEntries = 512) {
    this.entries = new LRUCache({ max: maxEntries });
  }

  get(key: string, version: string): Wire | undefined {
    const entry = this.entries.get(key);
    return entry?.version === version ? entry.wire : undefined;
  }

  set(key: string, version: string, wire: Wire): void {
    this.entries.set(key, { version, wire });
  }

  /** The wire kept under `key` at `version`, made (and kept) now if there is none. */
  getOrMake(key: string, version: string, make: () => Wire): Wire {
    let wire = this.get(key, version);
    if (!wire) this.set(key, version, (wire = make()));
    return wire;
  }
}
