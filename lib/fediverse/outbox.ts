// The outbox as ActivityStreams: every public finished entry's Create, newest first (the About
// page's order), 20 a page. A view of the feed, not a record of deliveries.
import type { MediaState } from '../media/projection';
import { AP_CONTEXT, entryNote } from './object';
import { actorUrl, entryObjectUrl, outboxUrl } from './urls';

export const OUTBOX_PAGE_SIZE = 20;

export function outboxCollection(state: Pick<MediaState, 'feed'>, origin: string) {
  const pages = Math.ceil(state.feed.length / OUTBOX_PAGE_SIZE);
  return {
    '@context': AP_CONTEXT,
    id: outboxUrl(origin),
    type: 'OrderedCollection',
    totalItems: state.feed.length,
    ...(pages > 0 ? { first: `${outboxUrl(origin)}?page=1`, last: `${outboxUrl(origin)}?page=${pages}` } : {}),
  };
}

/** Page `n` (from 1), or undefined past the last one. */
export function outboxPage(state: Pick<MediaState, 'feed' | 'entries'>, origin: string, n: number) {
  const pages = Math.max(1, Math.ceil(state.feed.length / OUTBOX_PAGE_SIZE));
  if (n > pages) return undefined;
  const ids = state.feed.slice((n - 1) * OUTBOX_PAGE_SIZE, n * OUTBOX_PAGE_SIZE);
  const self = `${outboxUrl(origin)}?page=${n}`;
  return {
    '@context': AP_CONTEXT,
    id: self,
    type: 'OrderedCollectionPage',
    partOf: outboxUrl(origin),
    ...(n > 1 ? { prev: `${outboxUrl(origin)}?page=${n - 1}` } : {}),
    ...(n < pages ? { next: `${outboxUrl(origin)}?page=${n + 1}` } : {}),
    orderedItems: ids.map((id) => {
      const note = entryNote(state.entries.get(id)!, origin, { withContext: false });
      return { id: `${entryObjectUrl(origin, id)}#create`, type: 'Create', actor: actorUrl(origin), published: note.published, to: note.to, cc: note.cc, object: note };
    }),
  };
}
