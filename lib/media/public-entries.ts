import 'server-only';
import { jsonAnswer, type Answer } from '../http/answer';
import { parseApiQuery, queryEntries } from './api-query';
import { publicEntry } from './selectors';
import { readyMediaStore } from './store';

/**
 * GET /api/media: entries, newest first, public finished ones by default. `?kind=book,game`,
 * `?status=` (finished, in-progress, abandoned, all), `?tag=`, `?q=`, `?year=`, `?limit=` narrow
 * it; `?visibility=all` includes private entries, with every field, once `authorizeOwner` (the API
 * token) lets it through. Next's route handler and the front door both answer with this function;
 * the front door hands `visibility=all` to Next (lib/front-door/routes.ts), which checks the token.
 */
export async function entriesAnswer(params: URLSearchParams, authorizeOwner: () => Response | null): Promise<Answer | Response> {
  const parsed = parseApiQuery(params);
  if (!parsed.ok) {
    return jsonAnswer({ error: `Please fix: ${Object.keys(parsed.fields).join(', ')}`, fields: parsed.fields }, 400);
  }
  const owner = parsed.query.visibility === 'all';
  if (owner) {
    const denied = authorizeOwner();
    if (denied) return denied;
  }
  const entries = queryEntries((await readyMediaStore()).snapshot(), parsed.query);
  return jsonAnswer({ entries: owner ? entries : entries.map(publicEntry) });
}
