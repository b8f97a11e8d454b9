import 'server-only';
import { jsonAnswer, type Answer } from '../http/answer';
import { parseApiQuery, queryEntries, type ApiQuery } from './api-query';
import { publicEntry } from './selectors';
import { readyMediaStore } from './store';

/**
 * GET /api/media: entries, newest first, public finished ones by default. `?kind=book,game`,
 * `?status=` (finished, in-progress, abandoned, all), `?tag=`, `?q=`, `?year=`, `?limit=` narrow
 * it; `?visibility=all` includes private entries, with every field: the caller checks the API
 * token first (Next's route does; the edge hands `visibility=all` to Next, lib/edge/routes.ts).
 */
export async function entriesAnswer(params: URLSearchParams): Promise<Answer> {
  const parsed = parseApiQuery(params);
  if (!parsed.ok) return badQueryAnswer(parsed.fields);
  return queryAnswer(parsed.query);
}

export const badQueryAnswer = (fields: Record<string, string>): Answer =>
  jsonAnswer({ error: `Please fix: ${Object.keys(fields).join(', ')}`, fields }, 400);

async function queryAnswer(query: ApiQuery): Promise<Answer> {
  const entries = queryEntries((await readyMediaStore()).snapshot(), query);
  return jsonAnswer({ entries: query.visibility === 'all' ? entries : entries.map(publicEntry) });
}

/**
 * The canonical form of an entries query (what the edge keys the answer by): the parsed query
 * written one way, or, for a query the API refuses, the fields it names (the 400 says only that).
 */
export function entriesQueryKey(params: URLSearchParams): string {
  const parsed = parseApiQuery(params);
  if (!parsed.ok) return `invalid:${Object.keys(parsed.fields).sort().join(',')}`;
  const { filter, status, visibility, limit } = parsed.query;
  return JSON.stringify([filter.kinds, filter.tag ?? '', filter.q ?? '', filter.year ?? '', status, visibility, limit]);
}
