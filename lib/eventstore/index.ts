import { singleton } from './registry';
import { withConfiguredLog } from './postgres/configured-log';
import { createStore } from './store';
import type { DomainEvent, Store, StoreOptions } from './types';

export { createStore, MAX_ID_LENGTH } from './store';
export { singleton } from './registry';
export { defineStore, storeOptions, type StoreDefinition, type AnyStoreDefinition, type StoreRules } from './define-store';
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
  return singleton(storeKey(options.name), () => createStore(withConfiguredLog(options)));
}
