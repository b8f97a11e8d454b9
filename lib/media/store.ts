import 'server-only';
import { sharedStore, type Store } from '../eventstore';
import { eventsDir } from '../config/env';
import { mediaEventSchema, type MediaEvent } from './events';
import { initialMediaState, mediaReducer, type MediaState } from './projection';

export type MediaStore = Store<MediaState, MediaEvent>;

/** The process-wide media store (`<EVENTS_DIR>/media.jsonl`). */
export function mediaStore(): MediaStore {
  return sharedStore({ name: 'media', dir: eventsDir(), initialState: initialMediaState, reducer: mediaReducer, schema: mediaEventSchema });
}

/** The media store once replayed: what pages, route handlers and actions call. */
export async function readyMediaStore(): Promise<MediaStore> {
  const store = mediaStore();
  await store.ready;
  return store;
}
