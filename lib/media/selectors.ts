import type { Entry, MediaState } from './projection';
import { countLabel, KINDS, type Kind } from './kinds';

export interface FeedQuery {
  kinds?: readonly Kind[];
  limit?: number;
}

/** Public entries, newest first, optionally of some kinds only. */
export function publicFeed(state: MediaState, { kinds, limit = Infinity }: FeedQuery = {}): Entry[] {
  const out: Entry[] = [];
  for (const id of state.feed) {
    if (out.length >= limit) break;
    const entry = state.entries.get(id)!;
    if (!kinds || kinds.length === 0 || kinds.includes(entry.kind)) out.push(entry);
  }
  return out;
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
  return parts.length ? `${parts.join(', ')} in ${year}` : undefined;
}

/** The public fields of an entry, for the JSON API and feeds. */
export function publicEntry(entry: Entry) {
  const { id, kind, title, creator, url, coverUrl, rating, review, status, startedOn, progress, finishedOn, tags } = entry;
  return { id, kind, title, creator, url, coverUrl, rating, review, status, startedOn, progress, finishedOn, tags };
}
