// The backend's key-value store (lib/eventstore/backend.ts `keyValue`): small values beside the
// logs that are not a history of facts, in namespaces: a cache every instance shares, secrets every
// instance must agree on. The shape is what Fedify's KvStore needs (get/set/delete, compare-and-swap,
// listing by key prefix, a time to live), in plain milliseconds; lib/fediverse adapts it to Fedify.

/** A key: one or more text segments; a listing matches whole leading segments. */
export type KvKey = readonly [string, ...string[]];

export interface KvSetOptions {
  /** Forgotten this many milliseconds after the write. */
  ttlMs?: number;
}

export interface KvEntry {
  key: KvKey;
  value: unknown;
}

export interface KeyValueStore {
  /** The live value, or undefined when there is none (or it expired). */
  get<T = unknown>(key: KvKey): Promise<T | undefined>;
  set(key: KvKey, value: unknown, options?: KvSetOptions): Promise<void>;
  delete(key: KvKey): Promise<void>;
  /**
   * Sets `value` only when the live value deep-equals `expected` (undefined: there is none); true
   * when it did. Of several callers, in this process or on other instances, one wins.
   */
  cas(key: KvKey, expected: unknown, value: unknown, options?: KvSetOptions): Promise<boolean>;
  /** The live entries whose key starts with `prefix` (all of them without one). */
  list(prefix?: KvKey): AsyncIterable<KvEntry>;
}

export interface KeyValueOptions {
  /**
   * At most this many entries (files; a table holds what it is given). A cache drops the expired,
   * then the least recently written, past it; any other namespace refuses a new key past it.
   */
  maxEntries: number;
  /**
   * A cache (what may be fetched or worked out again): on files its writes reach the disk behind
   * the callers, so nobody waits for the disk, and a crash loses at most the last moment's
   * writes. Otherwise a write resolves once it is durable.
   */
  cache?: boolean;
}

/** Namespaces name files and rows: lower-case letters, digits and dashes. */
export function checkNamespace(namespace: string): string {
  if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(namespace)) throw new Error(`a key-value namespace is lower-case letters, digits and dashes, not ${JSON.stringify(namespace)}`);
  return namespace;
}

/** Whether `key` starts with every segment of `prefix`. */
export const hasPrefix = (key: KvKey, prefix: KvKey | undefined): boolean => !prefix || (key.length >= prefix.length && prefix.every((p, i) => key[i] === p));
