import { createStore, type Store } from '../eventstore';
import { storeOptions } from '../eventstore/define-store';
import { webmentionDefinition } from './definition';
import { openStore, readyStore } from '../eventstore/open-store';
import type { WebmentionEvent } from './events';
import type { WebmentionState } from './projection';

export type WebmentionStore = Store<WebmentionState, WebmentionEvent>;

/** The process-wide Webmention store (`<EVENTS_DIR>/webmentions.jsonl`). */
export const webmentionStore = (): WebmentionStore => openStore(webmentionDefinition);
export const readyWebmentionStore = (): Promise<WebmentionStore> => readyStore(webmentionDefinition);

/** A store of its own on `dir` (tests). */
export const createWebmentionStore = (dir: string): WebmentionStore => createStore(storeOptions(webmentionDefinition, dir));
