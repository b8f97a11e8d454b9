import 'server-only';
import type { Store } from '../eventstore';
import { readyStore } from '../eventstore/open-store';
import type { FediverseEvent } from './events';
import type { FediverseState } from './projection';
import { fediverseDefinition } from './store-definition';

export type FediverseStore = Store<FediverseState, FediverseEvent>;

/** The process-wide fediverse store once replayed. */
export const readyFediverseStore = (): Promise<FediverseStore> => readyStore(fediverseDefinition);
