import 'server-only';
import type { Store, StoreOptions } from '../eventstore';
import { openStore } from '../eventstore/open-store';
import { orderbookDefinition } from './definition';
import { orderbookEventSchema, type OrderbookEvent } from './events';
import { ORDERBOOK, orderbookRules } from './rules';
import type { OrderbookState } from './state';

export { orderbookDefinition };

export type OrderbookStore = Store<OrderbookState, OrderbookEvent>;

export { ORDERBOOK };

/** The store's options for an events directory (tests and the boot bench; the server uses the definition, ./definition.ts). */
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
