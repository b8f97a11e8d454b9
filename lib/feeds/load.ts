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

/** GET /feed.xml (Atom 1.0) or /feed.json (JSON Feed 1.1): Next's route handlers and the front door. */
export async function feedRouteAnswer(format: 'atom' | 'json', search: URLSearchParams, ifNoneMatch: string | null | undefined): Promise<Answer> {
  const input = await loadFeed(search);
  return format === 'atom'
    ? feedAnswer(ifNoneMatch, atomFeed(input), ATOM_CONTENT_TYPE)
    : feedAnswer(ifNoneMatch, JSON.stringify(jsonFeed(input), null, 2), JSON_FEED_CONTENT_TYPE);
}
