import 'server-only';
import { singleton, type Store, type StoreOptions } from '../eventstore';
import { orderbookDefinition } from '../stores/orderbook';
import { openStore } from '../stores/shared';
import { orderbookEventSchema, type OrderbookEvent } from './events';
import { ORDERBOOK, orderbookRules } from './rules';
import { bookJson } from './selectors';
import type { OrderbookState } from './state';

export type OrderbookStore = Store<OrderbookState, OrderbookEvent>;

export { ORDERBOOK };

/** The store's options for an events directory (tests and the boot bench; the server uses the definition in lib/stores). */
export function orderbookStoreOptions({
  dir,
  depth,
  snapshotEvery,
  ...extra
}: { dir: string; depth: number; snapshotEvery?: number } & Partial<StoreOptions<OrderbookState, OrderbookEvent>>): StoreOptions<
  OrderbookState,
  OrderbookEvent
> {
  const rules = orderbookRules({ dir, depth, snapshotEvery, warn: extra.warn });
  return { name: ORDERBOOK, dir, schema: orderbookEventSchema, initialState: rules.initialState, evolve: rules.evolve, snapshot: rules.snapshot, ...extra };
}

/** The process-wide orderbook store (created, and its replay started, on first call). */
export function orderbookStore(): OrderbookStore {
  return openStore(orderbookDefinition);
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
