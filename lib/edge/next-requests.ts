import type { IncomingHttpHeaders } from 'node:http';

/**
 * Whether a request is Next's own client talking to Next, which the edge hands over unchanged: an
 * RSC request (navigations, prefetches and `router.refresh()` all send `RSC: 1`, with `_rsc` and
 * the `Next-Router-*` headers beside it) or a server action (`Next-Action`). `_rsc` or a
 * `Next-Router-*` header alone mean nothing to Next's client, so they reach no render: the page's
 * canonical request drops `_rsc`, and the headers are not read. The edge's in-process renders
 * never come through here, so no header from outside can pose as one.
 */
export function isNextOwnRequest(headers: IncomingHttpHeaders): boolean {
  return headers.rsc === '1' || headers['next-action'] !== undefined;
}
