import 'server-only';
import { createStore, sharedStore, type Store, type StoreOptions } from '../eventstore';
import { eventsDir } from '../config/env';
import { mediaEventSchema, type MediaEvent } from './events';
import { initialMediaState, evolveMedia, type MediaState } from './projection';
import { decideMedia } from './decide';

export type MediaStore = Store<MediaState, MediaEvent>;
export type MediaStoreOptions = StoreOptions<MediaState, MediaEvent>;

/** The media store's options for a directory (`<dir>/media.jsonl`). */
export function mediaStoreOptions(dir: string, extra: Partial<MediaStoreOptions> = {}): MediaStoreOptions {
  return { name: 'media', dir, initialState: initialMediaState, evolve: evolveMedia, decide: decideMedia, schema: mediaEventSchema, ...extra };
}

/** A media store of its own on `dir`: tests, and tools that are not the server. */
export function createMediaStore(dir: string, extra?: Partial<MediaStoreOptions>): MediaStore {
  return createStore(mediaStoreOptions(dir, extra));
}

/** The process-wide media store (`<EVENTS_DIR>/media.jsonl`). */
export function mediaStore(): MediaStore {
  return sharedStore(mediaStoreOptions(eventsDir()));
}

/** The media store once replayed: what pages, route handlers and actions call. */
export async function readyMediaStore(): Promise<MediaStore> {
  const store = mediaStore();
  await store.ready;
  return store;
}
