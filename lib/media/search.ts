// Search and filters shared by the About page, the admin list and GET /api/media.
import { normaliseTag } from './fields';
import type { Kind } from './kinds';
import type { Entry } from './projection';

/** Longest search text taken from a URL: an anonymous visitor's query is bounded. */
export const MAX_QUERY_LENGTH = 100;

export interface EntryFilter {
  kinds?: readonly Kind[];
  /** One tag (normalised as stored). */
  tag?: string;
  /** Words that must all appear in the title, creator, review or tags (ignoring case and accents). */
  q?: string;
  /** YYYY: finished that year (for an entry not finished: started that year). */
  year?: string;
  status?: Entry['status'];
}

/** A filter from a URL's parameters, dropping what is invalid (bad input narrows nothing rather than failing). */
export function parseFilter(get: (name: string) => string | undefined): Omit<EntryFilter, 'kinds'> {
  const filter: Omit<EntryFilter, 'kinds'> = {};
  const tag = get('tag');
  if (tag && normaliseTag(tag).length > 0 && tag.length <= 40) filter.tag = normaliseTag(tag);
  const q = get('q')?.trim();
  if (q) filter.q = q.slice(0, MAX_QUERY_LENGTH);
  const year = get('year');
  if (year && /^\d{4}$/.test(year)) filter.year = year;
  return filter;
}

export const isFiltered = (f: EntryFilter) => Boolean((f.kinds && f.kinds.length > 0) || f.tag || f.q || f.year || f.status);

/** True when the entry passes every part of the filter. */
export function matchesFilter(entry: Entry, { kinds, tag, q, year, status }: EntryFilter): boolean {
  if (kinds && kinds.length > 0 && !kinds.includes(entry.kind)) return false;
  if (status && entry.status !== status) return false;
  if (tag && !entry.tags?.includes(tag)) return false;
  if (year && (entry.finishedOn ?? entry.startedOn ?? entry.loggedAt).slice(0, 4) !== year) return false;
  if (q) {
    const haystack = searchText(entry);
    for (const word of fold(q).split(/\s+/)) if (word && !haystack.includes(word)) return false;
  }
  return true;
}

/**
 * Text as search compares it: accents and case folded both ways, so `garcia`, `GARCÍA` and
 * `García` all find "García Márquez" (canonical decomposition, combining marks dropped, then
 * lower case; "ß" and ligatures fold too).
 */
export const fold = (text: string) => text.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase().replace(/ß/g, 'ss');

/** An entry's searchable text, folded once per version of the entry (entries are immutable). */
const folded = new WeakMap<Entry, string>();
function searchText(entry: Entry): string {
  let text = folded.get(entry);
  if (text === undefined) {
    text = fold([entry.title, entry.creator, entry.review, ...(entry.tags ?? [])].filter(Boolean).join('\n'));
    folded.set(entry, text);
  }
  return text;
}

/** Every tag in use, most used first: the form's suggestions. */
export function tagCounts(entries: Iterable<Entry>): { tag: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const entry of entries) if (!entry.removed) for (const tag of entry.tags ?? []) counts.set(tag, (counts.get(tag) ?? 0) + 1);
  return [...counts].map(([tag, count]) => ({ tag, count })).sort((a, b) => b.count - a.count || a.tag.localeCompare(b.tag));
}
