// GET /api/media: which entries, from the query string. Invalid parameters are named (400), not ignored.
import { parseKindList } from './kind-list';
import { STATUSES, normaliseTag, type Status } from './fields';
import type { Entry, MediaState } from './projection';
import { MAX_QUERY_LENGTH, matchesFilter, type EntryFilter } from './search';
import { publicFeed } from './selectors';

export const API_LIMIT_MAX = 500;

export interface ApiQuery {
  filter: EntryFilter;
  /** `all` includes every status. */
  status: Status | 'all';
  /** `all` (owner only) includes private entries. */
  visibility: 'public' | 'all';
  limit: number;
}

export function parseApiQuery(params: URLSearchParams): { ok: true; query: ApiQuery } | { ok: false; fields: Record<string, string> } {
  const fields: Record<string, string> = {};
  const filter: EntryFilter = { kinds: parseKindList(params.get('kind')) };
  const status = params.get('status') ?? 'finished';
  if (status !== 'all' && !STATUSES.includes(status as Status)) fields.status = `status must be one of: ${STATUSES.join(', ')}, all`;
  const visibility = params.get('visibility') ?? 'public';
  if (visibility !== 'public' && visibility !== 'all') fields.visibility = 'visibility must be public or all';
  const tag = params.get('tag');
  if (tag !== null) {
    if (normaliseTag(tag).length === 0 || tag.length > 40) fields.tag = 'tag must be 1 to 40 characters';
    else filter.tag = normaliseTag(tag);
  }
  const q = params.get('q');
  if (q !== null) {
    if (q.length > MAX_QUERY_LENGTH) fields.q = `q must be at most ${MAX_QUERY_LENGTH} characters`;
    else if (q.trim()) filter.q = q.trim();
  }
  const year = params.get('year');
  if (year !== null) {
    if (!/^\d{4}$/.test(year)) fields.year = 'year must be four digits (YYYY)';
    else filter.year = year;
  }
  const limitText = params.get('limit');
  let limit = API_LIMIT_MAX;
  if (limitText !== null) {
    const n = Number(limitText);
    // Past the maximum is clamped, not refused: callers asking for "everything" (the offline queue's
    // check, scripts written before the bound) get the first API_LIMIT_MAX, and the answer stays bounded.
    if (!Number.isInteger(n) || n < 1) fields.limit = `limit must be a whole number from 1 to ${API_LIMIT_MAX}`;
    else limit = Math.min(n, API_LIMIT_MAX);
  }
  if (Object.keys(fields).length > 0) return { ok: false, fields };
  return { ok: true, query: { filter, status: status as ApiQuery['status'], visibility: visibility as ApiQuery['visibility'], limit } };
}

/** Newest first: by finished date, else start date, else when logged. */
const sortDay = (e: Entry) => e.finishedOn ?? e.startedOn ?? e.loggedAt.slice(0, 10);

export function queryEntries(state: MediaState, { filter, status, visibility, limit }: ApiQuery): Entry[] {
  // The common case (the public feed) walks the sorted feed and stops at the limit.
  if (status === 'finished' && visibility === 'public') return publicFeed(state, { ...filter, limit });
  const out: Entry[] = [];
  for (const entry of state.entries.values()) {
    if (entry.removed || (visibility === 'public' && entry.visibility !== 'public')) continue;
    if (status !== 'all' && entry.status !== status) continue;
    if (matchesFilter(entry, filter)) out.push(entry);
  }
  out.sort((a, b) => (sortDay(a) === sortDay(b) ? b.seq - a.seq : sortDay(a) > sortDay(b) ? -1 : 1));
  return out.slice(0, limit);
}
