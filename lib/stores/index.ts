// The one list of stores. Boot, history, time travel, verify-log, live streams, the page cache and
// /healthz read it; a new store joins with one line here (and a history view, see lib/history/sources).
import type { AnyStoreDefinition } from '../eventstore/define-store';
import { fediverseDefinition } from '../fediverse/store-definition';
import { mediaDefinition } from './media';
import { orderbookDefinition } from './orderbook';

export { fediverseDefinition, mediaDefinition, orderbookDefinition };

export const STORES: readonly AnyStoreDefinition[] = [mediaDefinition, orderbookDefinition, fediverseDefinition];

/** The store of that name (from a URL or a file name), if there is one. */
export const findStore = (name: string): AnyStoreDefinition | undefined => STORES.find((s) => s.name === name);
