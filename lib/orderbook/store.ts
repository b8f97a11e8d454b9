import 'server-only';
import { join } from 'node:path';
import { eventsDir, orderbookDepth } from '../config/env';
import { sharedStore, singleton, type Store, type StoreOptions } from '../eventstore';
import { orderbookEventSchema, type OrderbookEvent } from './events';
import { loadInitState, readInitFile } from './init-file';
import { encodeInitState, initialOrderbook } from './init-state';
import { createOrderbookEvolve } from './reducer';
import { bookJson } from './selectors';
import { orderbookSnapshotVersion } from './snapshot-version';
import type { OrderbookState } from './state';

export type OrderbookStore = Store<OrderbookState, OrderbookEvent>;

export const ORDERBOOK = 'orderbook';

/**
 * The store's options for an events directory: state = orderbook.init.json + replay of
 * orderbook.jsonl, with a snapshot (`orderbook.snapshot.json`, every `snapshotEvery` events) so
 * that a restart replays only the events after it. The init file is read here, once: the initial
 * state and the snapshot version both come from those bytes.
 */
export function orderbookStoreOptions({
  dir,
  depth,
  snapshotEvery,
  ...extra
}: { dir: string; depth: number; snapshotEvery?: number } & Partial<StoreOptions<OrderbookState, OrderbookEvent>>): StoreOptions<
  OrderbookState,
  OrderbookEvent
> {
  const text = readInitFile(dir);
  // No file yet: the first boot writes this text, so the next boot hashes the same bytes.
  const initText = text ?? encodeInitState(initialOrderbook());
  return {
    name: ORDERBOOK,
    dir,
    initialState: () => loadInitState({ dir, depth, text, logFile: join(dir, `${ORDERBOOK}.jsonl`), warn: extra.warn }),
    evolve: createOrderbookEvolve({ depth }),
    schema: orderbookEventSchema,
    snapshot: { version: orderbookSnapshotVersion({ initText, depth }), every: snapshotEvery },
    ...extra,
  };
}

// EVENTS_DIR and ORDERBOOK_DEPTH are read once per process, at the first use.
const processOptions = () =>
  singleton('orderbook:options', () => orderbookStoreOptions({ dir: eventsDir(), depth: orderbookDepth() }));

/** The process-wide orderbook store (created, and its replay started, on first call). */
export function orderbookStore(): OrderbookStore {
  return sharedStore(processOptions());
}

/**
 * The public book as JSON, serialized once per store version: GET /orderbook returns this string
 * as it is, so that it costs about as much as a hello world.
 */
export function cachedBookJson(store: OrderbookStore = orderbookStore()): string {
  const caches = singleton('orderbook:json', () => new WeakMap<OrderbookStore, { version: number; json: string }>());
  let cache = caches.get(store);
  const version = store.version();
  if (cache?.version !== version) {
    cache = { version, json: bookJson(store.snapshot()) };
    caches.set(store, cache);
  }
  return cache.json;
}
