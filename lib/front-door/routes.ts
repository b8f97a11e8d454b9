import { CACHED_ROUTES } from '../cached-routes';
import type { Side } from '../orderbook/events';
import { BYPASS_HEADERS, BYPASS_QUERY } from '../render-cache/rules';
import type { CachedRoute } from '../render-cache/serve';

// The one place that decides which requests the front door answers itself (the hot routes) and
// which go to Next unchanged. A request that is not matched here is Next's, whatever its path.

export type HotRoute =
  | { kind: 'health' }
  | { kind: 'book' }
  | { kind: 'order'; side: Side; user: string; price: string }
  | { kind: 'cached-page'; route: CachedRoute }
  | { kind: 'feed'; format: 'atom' | 'json' }
  | { kind: 'public-entries' };

/** What the matcher needs of a request: its method, path, query and a header reader. */
export interface RequestLine {
  method: string;
  pathname: string;
  search: URLSearchParams;
  header: (name: string) => string | undefined;
}

/** The render cache's routes: exact paths, and patterns (`/entries/:id`) by their `matches`. */
const cachedRouteOf = (pathname: string) => CACHED_ROUTES.find((r) => (r.matches ? r.matches(pathname) : r.path === pathname));
const ORDER = /^\/(buy|sell)\/([^/]+)\/([^/]+)$/;
const READ = new Set(['GET', 'HEAD']);

/**
 * The hot route a request is for, or undefined when Next should answer it. Only the exact paths
 * (no trailing slash: Next redirects those) and the methods the route handlers answer are hot;
 * other methods reach Next, which answers 405 as it does today. RSC payloads, prefetches, server
 * actions and the render cache's own render request always reach Next.
 */
export function matchHotRoute({ method, pathname, search, header }: RequestLine): HotRoute | undefined {
  if (search.has(BYPASS_QUERY) || BYPASS_HEADERS.some((name) => header(name) !== undefined)) return undefined;
  // The cache answers every method itself (405 with Allow for all but GET and HEAD).
  const cached = cachedRouteOf(pathname);
  if (cached) return { kind: 'cached-page', route: cached };
  if (pathname === '/healthz') return READ.has(method) ? { kind: 'health' } : undefined;
  if (pathname === '/orderbook') {
    // Browsers (Accept: text/html) get the live page, rewritten by next.config.mjs.
    return READ.has(method) && !(header('accept') ?? '').includes('text/html') ? { kind: 'book' } : undefined;
  }
  if (pathname === '/feed.xml' || pathname === '/feed.json') {
    return READ.has(method) ? { kind: 'feed', format: pathname === '/feed.xml' ? 'atom' : 'json' } : undefined;
  }
  // `visibility=all` needs the API token (and its per-client limiter): Next's route checks it.
  if (pathname === '/api/media') return READ.has(method) && search.get('visibility') !== 'all' ? { kind: 'public-entries' } : undefined;
  const order = ORDER.exec(pathname);
  if (order && (method === 'GET' || method === 'POST')) {
    const user = decodeSegment(order[2]!);
    const price = decodeSegment(order[3]!);
    if (user === undefined || price === undefined) return undefined;
    return { kind: 'order', side: order[1] as Side, user, price };
  }
  return undefined;
}

/** A path segment as Next passes it to a route's params (percent-decoded); undefined if malformed. */
function decodeSegment(segment: string): string | undefined {
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
}
