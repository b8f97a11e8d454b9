// The process-wide store of a definition: one per name, on the backend chosen at boot
// (backend.ts), shared by every copy of this module through the registry.
import { eventsDir } from '../config/env';
import { backend } from './backend';
import { storeOptions, type StoreDefinition } from './define-store';
import { registry, singleton } from './registry';
import { createStore } from './store';
import type { DomainEvent, Store } from './types';

const keyOf = (definition: { name: string }) => `store:${definition.name}`;

/** The process-wide store of a definition on EVENTS_DIR (or the database), created (and its replay started) on first call. */
export function openStore<S, E extends DomainEvent>(definition: StoreDefinition<S, E>): Store<S, E> {
  return singleton(keyOf(definition), () => createStore(backend().withLog(storeOptions(definition, eventsDir()))));
}

/** The store once replayed. */
export async function readyStore<S, E extends DomainEvent>(definition: StoreDefinition<S, E>): Promise<Store<S, E>> {
  const store = openStore(definition);
  await store.ready;
  return store;
}

/** The store if this process created it already (nothing is started): for checks that must not boot one. */
export function existingStore<S, E extends DomainEvent>(definition: StoreDefinition<S, E>): Store<S, E> | undefined {
  return registry().singletons.get(keyOf(definition)) as Store<S, E> | undefined;
}
