// No 'server-only' marker: the page cache (a Pages Router API route, outside React Server Components) reads it too.
import { eventsDir } from '../config/env';
import { createStore, singleton, type DomainEvent, type Store } from '../eventstore';
import { storeOptions, type StoreDefinition } from '../eventstore/define-store';
import { withConfiguredLog } from '../eventstore/postgres/configured-log';
import { registry } from '../eventstore/registry';

const keyOf = (definition: { name: string }) => `store:${definition.name}`;

/** The process-wide store of a definition on EVENTS_DIR, created (and its replay started) on first call. */
export function openStore<S, E extends DomainEvent>(definition: StoreDefinition<S, E>): Store<S, E> {
  // DATABASE_URL: the log is PostgreSQL's (lib/eventstore/postgres), else <EVENTS_DIR>/<name>.jsonl.
  return singleton(keyOf(definition), () => createStore(withConfiguredLog(storeOptions(definition, eventsDir()))));
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
