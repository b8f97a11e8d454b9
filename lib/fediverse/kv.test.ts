import { MemoryKvStore, type KvStore } from '@fedify/fedify';
import { Temporal } from '@js-temporal/polyfill';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe } from 'vitest';
import { FileKeyValueStore } from '../eventstore/file-key-value';
import type { KeyValueStore } from '../eventstore/key-value';
import { keyValueContract } from '../eventstore/testing/key-value-contract';
import { fedifyKv } from './kv';

/** A Fedify KvStore seen through the backend's interface (milliseconds back to a Temporal.Duration). */
const fromFedify = (kv: KvStore): KeyValueStore => {
  const ttl = (options?: { ttlMs?: number }) => (options?.ttlMs ? { ttl: Temporal.Duration.from({ milliseconds: options.ttlMs }) as never } : undefined);
  return {
    get: (key) => kv.get(key),
    set: (key, value, options) => kv.set(key, value, ttl(options)),
    delete: (key) => kv.delete(key),
    cas: (key, expected, value, options) => kv.cas!(key, expected, value, ttl(options)),
    list: (prefix) => kv.list(prefix),
  };
};

describe("the backend's key-value store as Fedify's KvStore", () => {
  // The contract is Fedify's: its own reference store keeps it...
  keyValueContract("Fedify's MemoryKvStore (the reference)", () => fromFedify(new MemoryKvStore()));
  // ...and so does the backend's store through the adapter, TTLs included.
  keyValueContract('the adapter over the files backend', () =>
    fromFedify(fedifyKv(new FileKeyValueStore(join(mkdtempSync(join(tmpdir(), 'shelf-fedify-kv-')), 'cache.json'), { maxEntries: 100, cache: true }))),
  );
});
