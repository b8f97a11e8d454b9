import 'server-only';
import { siteConfig } from '../config/site';
import type { Answer } from '../http/answer';
import { parseKindList } from '../media/kind-list';
import { readyMediaStore } from '../media/store';
import { readSettings } from '../settings/store';
import { atomFeed, ATOM_CONTENT_TYPE } from './atom';
import type { FeedInput } from './entry-content';
import { jsonFeed, JSON_FEED_CONTENT_TYPE } from './json-feed';
import { feedAnswer } from './response';
import { feedInput } from './select';

/** The feed for a query: `?kind=book,game` narrows it; unknown kinds are ignored. */
export async function loadFeed(search: URLSearchParams): Promise<FeedInput> {
  const kinds = parseKindList(search.get('kind'));
  const state = (await readyMediaStore()).snapshot();
  const { ownerName, siteTitle, bio } = await readSettings();
  return feedInput(state, { ...siteConfig(), ownerName: ownerName || siteTitle, ownerBio: bio }, kinds);
}

/** The canonical query of a feed: the kinds it shows, in one order (what the edge keys its answer by). */
export function feedQuery(search: URLSearchParams): string {
  const kinds = parseKindList(search.get('kind'));
  return kinds.length > 0 ? `kind=${kinds.join(',')}` : '';
}

/**
 * GET /feed.xml (Atom 1.0) or /feed.json (JSON Feed 1.1): Next's route handlers and the edge
 * (which keeps the answer per version of the entries and the settings, lib/edge/routes.ts).
 */
export async function feedRouteAnswer(format: 'atom' | 'json', search: URLSearchParams): Promise<Answer> {
  const input = await loadFeed(search);
  const body = format === 'atom' ? atomFeed(input) : JSON.stringify(jsonFeed(input), null, 2);
  return feedAnswer(body, format === 'atom' ? ATOM_CONTENT_TYPE : JSON_FEED_CONTENT_TYPE);
}
