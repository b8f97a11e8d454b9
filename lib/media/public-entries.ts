import 'server-only';
import { jsonAnswer, type Answer } from '../http/answer';
import { isKind } from './kinds';
import { publicEntry, publicFeed } from './selectors';
import { readyMediaStore } from './store';

/** GET /api/media: public entries, newest first; `?kind=book,game` and `?limit=` narrow it. */
export async function publicEntriesAnswer(params: URLSearchParams): Promise<Answer> {
  const kinds = (params.get('kind') ?? '').split(',').filter(isKind);
  const limit = Number(params.get('limit'));
  const state = (await readyMediaStore()).snapshot();
  const entries = publicFeed(state, { kinds, limit: Number.isInteger(limit) && limit > 0 ? limit : undefined });
  return jsonAnswer({ entries: entries.map(publicEntry) });
}
