import 'server-only';
import { createStore, type Store, type StoreOptions } from '../eventstore';
import { storeOptions } from '../eventstore/define-store';
import { openStore, readyStore } from '../eventstore/open-store';
import { mediaDefinition } from './definition';
import type { MediaEvent } from './events';
import type { MediaState } from './projection';

export { mediaDefinition };

export type MediaStore = Store<MediaState, MediaEvent>;
export type MediaStoreOptions = StoreOptions<MediaState, MediaEvent>;

/** The media store's options for a directory (`<dir>/media.jsonl`). */
export function mediaStoreOptions(dir: string, extra: Partial<MediaStoreOptions> = {}): MediaStoreOptions {
  return storeOptions(mediaDefinition, dir, extra);
}

/** A media store of its own on `dir`: tests, and tools that are not the server. */
export function createMediaStore(dir: string, extra?: Partial<MediaStoreOptions>): MediaStore {
  return createStore(mediaStoreOptions(dir, extra));
}

/** The process-wide media store (`<EVENTS_DIR>/media.jsonl`). */
export function mediaStore(): MediaStore {
  return openStore(mediaDefinition);
}

/** The media store once replayed: what pages, route handlers and actions call. */
export function readyMediaStore(): Promise<MediaStore> {
  return readyStore(mediaDefinition);
}
