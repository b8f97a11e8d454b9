import type { Entry, MediaState } from './projection';
import { countLabel, KINDS } from './kinds';
import { isFiltered, matchesFilter, type EntryFilter } from './search';

export interface FeedQuery extends EntryFilter {
  limit?: number;
}

/** Public finished entries, newest first, optionally filtered (kinds, tag, search words, year). */
export function publicFeed(state: MediaState, { limit = Infinity, ...filter }: FeedQuery = {}): Entry[] {
  const out: Entry[] = [];
  const filtered = isFiltered(filter);
  for (const id of state.feed) {
    if (out.length >= limit) break;
    const entry = state.entries.get(id)!;
    if (!filtered || matchesFilter(entry, filter)) out.push(entry);
  }
  return out;
}

/** Public entries in progress (the "Now" section), latest started first. */
export function nowEntries(state: MediaState, filter: EntryFilter = {}): Entry[] {
  return state.now.map((id) => state.entries.get(id)!).filter((e) => matchesFilter(e, filter));
}

/** Every entry the admin manages (removed ones included), most recently logged first. */
export function allEntries(state: MediaState): Entry[] {
  return [...state.entries.values()].sort((a, b) => b.seq - a.seq);
}

/** "12 books, 3 games in 2026", or undefined when nothing public was finished that year. */
export function yearSummary(state: MediaState, year: string): string | undefined {
  const counts = state.counts.byYear[year];
  if (!counts) return undefined;
  const parts = KINDS.filter((k) => counts[k]).map((k) => countLabel(k, counts[k]!));
  return parts.length ? `So far in ${year}: ${parts.join(', ')}` : undefined;
}

/** The public fields of an entry, for the JSON API and feeds. */
export function publicEntry(entry: Entry) {
  const { id, kind, title, creator, url, coverUrl, rating, review, status, startedOn, progress, progressNote, finishedOn, tags } = entry;
  return { id, kind, title, creator, url, coverUrl, rating, review, status, startedOn, progress, progressNote, finishedOn, tags };
}
