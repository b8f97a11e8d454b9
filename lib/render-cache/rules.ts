// Which requests the render cache may answer. Everything else goes to Next untouched.

/** Sent by the cache on its own render request, so that request reaches the page (the matcher skips it). */
export const RENDER_HEADER = 'x-shelf-render';
/** On every response the cache produced: `hit` or `miss` (a miss was rendered for this request). */
export const STATUS_HEADER = 'x-render-cache';

/** Request headers that mean "not the plain HTML document": RSC payloads, prefetches, server actions. */
const FLIGHT_HEADERS = ['rsc', 'next-router-state-tree', 'next-router-prefetch', 'next-router-segment-prefetch', 'next-action'];

export interface RequestFacts {
  method: string;
  pathname: string;
  searchParams: URLSearchParams;
  headers: Headers;
}

/**
 * Why this request must bypass the cache, or undefined when it may be served from it.
 * Only GETs of the listed paths for the HTML document qualify; Next's RSC requests (the `rsc`
 * header or the `_rsc` param, used by router.refresh() and navigations) are rendered every time.
 */
export function bypassReason(req: RequestFacts, paths: readonly string[]): string | undefined {
  if (req.method !== 'GET') return `method ${req.method}`;
  if (!paths.includes(req.pathname)) return `path ${req.pathname} is not cached`;
  if (req.searchParams.has('_rsc')) return 'RSC request (_rsc)';
  for (const name of FLIGHT_HEADERS) if (req.headers.has(name)) return `RSC request (${name})`;
  if (req.headers.has(RENDER_HEADER)) return 'the cache rendering the page itself';
  return undefined;
}

/** The part of the URL a page may depend on: the path and the query, params sorted so that order does not matter. */
export function urlKey(pathname: string, searchParams: URLSearchParams): string {
  const params = new URLSearchParams(searchParams);
  params.sort();
  const search = params.toString();
  return search ? `${pathname}?${search}` : pathname;
}
