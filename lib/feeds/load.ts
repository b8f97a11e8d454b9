import 'server-only';
import { LRUCache } from 'lru-cache';
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

/** The feed for a query, its links under `origin` (lib/http/public-origin.ts): `?kind=book,game` narrows it; unknown kinds are ignored. */
export async function loadFeed(search: URLSearchParams, origin: string): Promise<FeedInput> {
  const kinds = parseKindList(search.get('kind'));
  const state = (await readyMediaStore()).snapshot();
  const { ownerName, siteTitle, bio } = await readSettings();
  return feedInput(state, { siteUrl: origin, ownerName: ownerName || siteTitle, ownerBio: bio }, kinds);
}

/**
 * Which kept feed body a request may get: the format, the kinds, and the public origin its links
 * name (SITE_URL's, or each address the site is reached at when it is unset: a body made for
 * http://localhost:3000 must never go to a reader on https://books.example).
 */
export function feedBodyKey(format: 'atom' | 'json', search: URLSearchParams, origin: string): string {
  return `${format} ${parseKindList(search.get('kind')).join(',')} ${origin}`;
}

/** Feed bodies by format, kinds and origin (feedBodyKey), each for the state version it was made at (readers poll; entries render Markdown). */
const feedBodies = () => singleton('feeds:bodies', () => new LRUCache<string, { version: string; body: string }>({ max: 32 }));

/**
 * GET /feed.xml (Atom 1.0) or /feed.json (JSON Feed 1.1): Next's route handlers and the front door.
 * A body is made once per state version (the entries, the settings), kinds and origin, then reused.
 */
export async function feedRouteAnswer(format: 'atom' | 'json', search: URLSearchParams, ifNoneMatch: string | null | undefined, origin: string): Promise<Answer> {
  await readyMediaStore();
  // Taken before the body is made: a body kept under it is never older than it.
  const version = stateVersion([mediaDefinition]);
  const key = feedBodyKey(format, search, origin);
  const cached = version === undefined ? undefined : feedBodies().get(key);
  let body = cached?.version === version ? cached?.body : undefined;
  if (body === undefined) {
    const input = await loadFeed(search, origin);
    body = format === 'atom' ? atomFeed(input) : JSON.stringify(jsonFeed(input), null, 2);
    if (version !== undefined) feedBodies().set(key, { version, body });
  }
  return feedAnswer(ifNoneMatch, body, format === 'atom' ? ATOM_CONTENT_TYPE : JSON_FEED_CONTENT_TYPE);
}
