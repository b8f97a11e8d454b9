export { createStore, MAX_ID_LENGTH } from './store';
export { singleton } from './registry';
export { defineStore, storeOptions, type StoreDefinition, type AnyStoreDefinition, type StoreRules } from './define-store';
export * from './errors';
export type * from './types';
export { reject, isRejection } from './types';
export type { LogWriter, LogPosition, AppendResult } from './log-writer';
