// The fediverse's key-value namespaces in the backend (lib/eventstore/backend.ts `keyValue`:
// a document beside the logs, or rows every instance on the database shares), and the thin
// adapter that hands one to Fedify as its KvStore (Fedify's time to live is a Temporal.Duration).
import type { KvStore, KvStoreSetOptions } from '@fedify/fedify';
import { backend } from '../eventstore/backend';
import type { KeyValueStore, KvSetOptions } from '../eventstore/key-value';

/** What Fedify caches (other servers' keys and documents) and remembers for a day (inbox activities handled): `fediverse-cache.json` on files. */
export const CACHE_NAMESPACE = 'fediverse-cache';
/** The actor's key pairs (./keys.ts): `fediverse-actor-keys.json` (0600) on files. */
export const KEYS_NAMESPACE = 'fediverse-actor-keys';

export const fediverseCache = (): KeyValueStore => backend().keyValue(CACHE_NAMESPACE, { cache: true, maxEntries: 5_000 });
export const actorKeyStore = (): KeyValueStore => backend().keyValue(KEYS_NAMESPACE, { maxEntries: 8 });

const ttl = (options?: KvStoreSetOptions): KvSetOptions | undefined => (options?.ttl ? { ttlMs: options.ttl.total({ unit: 'milliseconds' }) } : undefined);

/** `store` as Fedify's KvStore. */
export function fedifyKv(store: KeyValueStore): KvStore {
  return {
    get: (key) => store.get(key),
    set: (key, value, options) => store.set(key, value, ttl(options)),
    delete: (key) => store.delete(key),
    cas: (key, expected, value, options) => store.cas(key, expected, value, ttl(options)),
    list: (prefix) => store.list(prefix),
  };
}
