import 'server-only';
import { LRUCache } from 'lru-cache';
import { siteConfig } from '../config/site';
import { singleton } from '../eventstore/registry';
import type { Answer } from '../http/answer';
import { parseKindList } from '../media/kind-list';
import { readyMediaStore } from '../media/store';
import { stateVersion } from '../render-cache/state-version';
import { readSettings } from '../settings/store';
import { mediaDefinition } from '../stores/media';
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

/** Feed bodies by format and kinds, each for the state version it was made at (readers poll; entries render Markdown). */
const feedBodies = () => singleton('feeds:bodies', () => new LRUCache<string, { version: string; body: string }>({ max: 32 }));

/**
 * GET /feed.xml (Atom 1.0) or /feed.json (JSON Feed 1.1): Next's route handlers and the front door.
 * A body is made once per state version (the entries, the settings) and kinds, then reused.
 */
export async function feedRouteAnswer(format: 'atom' | 'json', search: URLSearchParams, ifNoneMatch: string | null | undefined): Promise<Answer> {
  await readyMediaStore();
  // Taken before the body is made: a body kept under it is never older than it.
  const version = stateVersion([mediaDefinition]);
  const key = `${format} ${parseKindList(search.get('kind')).join(',')}`;
  const cached = version === undefined ? undefined : feedBodies().get(key);
  let body = cached?.version === version ? cached?.body : undefined;
  if (body === undefined) {
    const input = await loadFeed(search);
    body = format === 'atom' ? atomFeed(input) : JSON.stringify(jsonFeed(input), null, 2);
    if (version !== undefined) feedBodies().set(key, { version, body });
  }
  return feedAnswer(ifNoneMatch, body, format === 'atom' ? ATOM_CONTENT_TYPE : JSON_FEED_CONTENT_TYPE);
}
