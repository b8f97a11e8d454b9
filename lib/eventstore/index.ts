import { registry, singleton } from './registry';
import { sharedHub } from './postgres/hub';
import { PgLog } from './postgres/pg-log';
import { createStore } from './store';
import type { DomainEvent, Store, StoreOptions } from './types';

export { createStore } from './store';
export { singleton } from './registry';
export * from './errors';
export type * from './types';
export { reject, isRejection } from './types';
export type { LogWriter, LogPosition, AppendResult } from './log-writer';

const storeKey = (name: string) => `store:${name}`;

/**
 * The process-wide store named `options.name`, created (and its replay started) on first call;
 * later calls, from any copy of this module, return the same instance. With DATABASE_URL set its
 * log is the database's `shelf_events` table; otherwise `<dir>/<name>.jsonl`.
 */
export function sharedStore<S, E extends DomainEvent>(options: StoreOptions<S, E>): Store<S, E> {
  return singleton(storeKey(options.name), () => {
    const url = process.env.DATABASE_URL;
    return createStore(url ? { ...options, log: (codec) => new PgLog(codec, sharedHub(url)) } : options);
  });
}

/** The process-wide store of that name; throws if none was created yet. */
export function getStore<S = unknown, E extends DomainEvent = DomainEvent>(name: string): Store<S, E> {
  const store = registry().singletons.get(storeKey(name));
  if (!store) throw new Error(`no store named ${name} has been created in this process`);
  return store as Store<S, E>;
}
