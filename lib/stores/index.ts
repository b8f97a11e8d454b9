// The one list of stores, on top of the domains that define them (lib/media/definition.ts,
// lib/orderbook/definition.ts, lib/fediverse/store-definition.ts, lib/webmention/definition.ts). Boot, history, time travel,
// verify-log, live streams, /healthz and the edge's versions read it. A new store: define it in its
// domain (defineStore), add it here, and give it a view of its past in lib/ui/history/PastState.tsx
// (docs/DESIGN.md, "Adding a store").
import type { AnyStoreDefinition } from '../eventstore/define-store';
import { fediverseDefinition } from '../fediverse/store-definition';
import { mediaDefinition } from '../media/definition';
import { orderbookDefinition } from '../orderbook/definition';
import { webmentionDefinition } from '../webmention/definition';

export const STORES: readonly AnyStoreDefinition[] = [mediaDefinition, orderbookDefinition, fediverseDefinition, webmentionDefinition];

/** The store of that name (from a URL or a file name), if there is one. */
export const findStore = (name: string): AnyStoreDefinition | undefined => STORES.find((s) => s.name === name);
