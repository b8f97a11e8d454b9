import { listedBefore, type Entry, type MediaState } from './projection';
import type { EntryFilter } from './search';
import { publicFeed } from './selectors';

/** Entries on one page of the About feed: a page stays light however long the log grows. */
export const FEED_PAGE_SIZE = 30;

export interface FeedPageQuery extends EntryFilter {
  /** The id of the entry the page starts at (its cursor); absent or unknown: the newest entries. */
  from?: string;
  size?: number;
}

export interface FeedPage {
  entries: Entry[];
  /** Position of the first entry in the whole (filtered) feed: 0 on the first page. */
  offset: number;
  /** Entries in the whole (filtered) feed. */
  total: number;
  /** Cursor of the next, older page, when there is one. */
  older?: string;
  /**
   * The previous, newer page: `{ from }` to start it at, `{}` when that is the first page (link to
   * the plain URL), undefined on the first page itself.
   */
  newer?: { from?: string };
}

/**
 * One page of the public feed, newest first. The cursor is an entry, placed by its sort key
 * (finished date, then log order) rather than by its index: it still works after entries were
 * added above it, and after the entry itself was removed, made private or filtered out.
 */
export function feedPage(state: MediaState, { from, size = FEED_PAGE_SIZE, ...filter }: FeedPageQuery = {}): FeedPage {
  const list = publicFeed(state, filter);
  const cursor = from === undefined ? undefined : state.entries.get(from);
  let offset = 0;
  if (cursor) while (offset < list.length && listedBefore(list[offset]!, cursor)) offset++;
  // Past the end (the last page's entries went away since): the last page there is.
  if (offset > 0 && offset >= list.length) offset = Math.max(0, list.length - size);
  const entries = list.slice(offset, offset + size);
  const page: FeedPage = { entries, offset, total: list.length };
  if (offset + size < list.length) page.older = list[offset + size]!.id;
  if (offset > 0) page.newer = offset > size ? { from: list[offset - size]!.id } : {};
  return page;
}
