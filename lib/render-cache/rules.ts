// Which requests the render cache answers, and how. next.config.mjs sends a request to the cache
// (rewrites it to pages/api/render-cache) only when it carries none of BYPASS_HEADERS and no
// `_rsc` param; everything else reaches the page in Next as it is.

/** Sent by the cache on its own render request, so that request reaches the page (no rewrite). */
export const RENDER_HEADER = 'x-shelf-render';
/** On every response the cache produced: `hit`, `miss` (rendered for this request) or `off` (served, not kept). */
export const STATUS_HEADER = 'x-render-cache';
/**
 * Request headers that mean "not the plain HTML document": RSC payloads (router.refresh(),
 * navigations, prefetches), server actions, and the cache's own render request.
 */
export const BYPASS_HEADERS = [
  'rsc',
  'next-router-state-tree',
  'next-router-prefetch',
  'next-router-segment-prefetch',
  'next-action',
  RENDER_HEADER,
] as const;
/** The query param of RSC requests (a cache buster): those go to Next too. */
export const BYPASS_QUERY = '_rsc';

export { canonicalPageKey, CANONICAL_PATHS, type CanonicalKeyOptions } from './canonical-key';

/**
 * The path and the whole query, params sorted. For routes without a canonical key (see
 * canonicalPageKey, which the cache uses for /about and /embed).
 */
export function urlKey(pathname: string, searchParams: URLSearchParams): string {
  const params = new URLSearchParams(searchParams);
  params.sort();
  const search = params.toString();
  return search ? `${pathname}?${search}` : pathname;
}

/**
 * Whether an Accept-Encoding header admits gzip (RFC 9110 12.5.3): listed as `gzip` or `x-gzip`
 * with a non-zero q, or not listed while `*` is, with a non-zero q.
 */
export function acceptsGzip(header: string | undefined): boolean {
  if (!header) return false;
  let wildcard: boolean | undefined;
  for (const part of header.split(',')) {
    const [name = '', ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const accepted = q === undefined || Number(q.slice(2)) > 0;
    if (name === 'gzip' || name === 'x-gzip') return accepted;
    if (name === '*') wildcard = accepted;
  }
  return wildcard ?? false;
}
