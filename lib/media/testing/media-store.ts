// A real media store in a fresh directory, for tests that need the kernel (stateAt, read).
import { createStore, type Store } from '../../eventstore';
import { tempDir } from '../../eventstore/testing/counter';
import { mediaEventSchema, type MediaEvent } from '../events';
import { initialMediaState, evolveMedia, type MediaState } from '../projection';
import { decideMedia } from '../decide';

export type MediaTestStore = Store<MediaState, MediaEvent>;

export async function openMediaStore(dir = tempDir('shelf-history-'), extra: { checkpointEvery?: number } = {}): Promise<MediaTestStore> {
  let minute = 0;
  const store = createStore({
    name: 'media',
    dir,
    initialState: initialMediaState,
    evolve: evolveMedia,
    decide: decideMedia,
    schema: mediaEventSchema,
    now: () => new Date(Date.UTC(2026, 10, 23, 8, minute++)),
    ...extra,
  });
  await store.ready;
  return store;
}
