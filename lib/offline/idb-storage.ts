// The queue's storage in the browser: IndexedDB through idb-keyval (a tiny, well-kept promise
// wrapper; raw IndexedDB would need a page of request/transaction plumbing for get/set/del).
import { createStore, del, get, set, values } from 'idb-keyval';
import type { QueuedEntry, QueueStorage } from './queue';

let store: ReturnType<typeof createStore> | undefined;
// Created on first use: the module is also evaluated during server rendering, where there is no IndexedDB.
const queueStore = () => (store ??= createStore('shelf-offline', 'queue'));

export const idbQueueStorage: QueueStorage = {
  all: () => values<QueuedEntry>(queueStore()),
  get: (key) => get<QueuedEntry>(key, queueStore()),
  put: (item) => set(item.key, item, queueStore()),
  remove: (key) => del(key, queueStore()),
};
