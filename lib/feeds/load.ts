import 'server-only';
import type { Answer } from '../http/answer';
import { parseKindList } from '../media/kind-list';
import { readyMediaStore } from '../media/store';
import { readSettings } from '../settings/store';
import { atomFeed, ATOM_CONTENT_TYPE } from './atom';
import type { FeedInput } from './entry-content';
import { jsonFeed, JSON_FEED_CONTENT_TYPE } from './json-feed';
import { feedAnswer } from './response';
import { feedInput } from './select';

/** The feed for a query, its links under `origin` (lib/http/public-origin.ts): `?kind=book,game` narrows it; unknown kinds are ignored. */
export async function loadFeed(search: URLSearchParams, origin: string): Promise<FeedInput> {
  const kinds = parseKindList(search.get('kind'));
  const state = (await readyMediaStore()).snapshot();
  const { ownerName, siteTitle, bio } = await readSettings();
  return feedInput(state, { siteUrl: origin, ownerName: ownerName || siteTitle, ownerBio: bio }, kinds);
}

/** The canonical query of a feed: the kinds it shows, in one order (what the edge keys its answer by, with the public origin). */
export function feedQuery(search: URLSearchParams): string {
  const kinds = parseKindList(search.get('kind'));
  return kinds.length > 0 ? `kind=${kinds.join(',')}` : '';
}

/**
 * GET /feed.xml (Atom 1.0) or /feed.json (JSON Feed 1.1), its links under `origin` (SITE_URL's, or
 * the address the site was reached at): Next's route handlers and the edge, which keeps the answer
 * per version of the entries and the settings, kinds and origin (lib/edge/routes.ts), so a body
 * made for http://localhost:3000 never goes to a reader on https://books.example.
 */
export async function feedRouteAnswer(format: 'atom' | 'json', search: URLSearchParams, origin: string): Promise<Answer> {
  const input = await loadFeed(search, origin);
  const body = format === 'atom' ? atomFeed(input) : JSON.stringify(jsonFeed(input), null, 2);
  return feedAnswer(body, format === 'atom' ? ATOM_CONTENT_TYPE : JSON_FEED_CONTENT_TYPE);
}
