import { embedContentSecurityPolicy } from './embed/frame-policy';
import { canonicalPageKey } from './render-cache/canonical-key';
import type { CachedRoute } from './render-cache/serve';
import { mediaDefinition } from './stores/media';
import { webmentionDefinition } from './stores/webmention';
import { existingStore } from './stores/shared';

/** Whether an About cursor names an entry: an unknown one shows the first page, so it needs no entry of its own. */
function isEntryId(id: string): boolean {
  try {
    return existingStore(mediaDefinition)?.snapshot().entries.has(id) ?? false;
  } catch {
    return false; // not booted yet: nothing is cached then anyway
  }
}

// Unknown params dropped, values normalised: one cache entry per set of options the page reads.
const canonicalKey = (url: URL) => canonicalPageKey(url, { isEntryId }) ?? url.pathname;

/**
 * The pages served by the render cache (lib/render-cache): rendered once per state version and
 * replayed from memory until the next write. The front door (lib/front-door/routes.ts) answers
 * plain requests of exactly these paths from the cache.
 */
export const CACHED_ROUTES: readonly CachedRoute[] = [
  { path: '/about', stores: [mediaDefinition], canonicalKey },
  // Who may frame the widget is read at request time: changing it takes a restart, not a rebuild.
  { path: '/embed', stores: [mediaDefinition], canonicalKey, headers: () => ({ 'content-security-policy': embedContentSecurityPolicy(process.env.EMBED_ALLOWED_ORIGINS) }) },
  // One page per entry and per year, keyed by the path alone (they read no query): the cache's LRU bounds how many.
  // Entry pages show their verified Webmentions: a new mention moves their version too.
  { path: '/entries/:id', stores: [mediaDefinition, webmentionDefinition], canonicalKey, matches: (p) => /^\/entries\/[^/]+$/.test(p) },
  { path: '/year/:year', stores: [mediaDefinition], canonicalKey, matches: (p) => /^\/year\/[^/]+$/.test(p) },
];
