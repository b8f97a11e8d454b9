import type { CachedPage } from './page-cache';
import { RENDER_HEADER } from './rules';

/** Headers that describe one transfer, not the page: recomputed or dropped when the page is replayed. */
const PER_TRANSFER = new Set(['connection', 'keep-alive', 'transfer-encoding', 'content-length', 'content-encoding', 'date']);

/** Pages bigger than this are served but not kept. */
const MAX_CACHED_BODY = 8 << 20;

/** Where the server reaches itself: loopback on its own port (`RENDER_CACHE_ORIGIN` overrides, e.g. when bound to one interface). */
export function selfOrigin(): string {
  return process.env.RENDER_CACHE_ORIGIN || `http://127.0.0.1:${process.env.PORT || 3000}`;
}

/**
 * Renders a page by requesting it from this same server with the render header, which the proxy's
 * matcher lets through to Next. Only a plain 200 HTML page without cookies may be kept.
 */
export async function renderPage(urlPath: string, origin = selfOrigin()): Promise<{ page: CachedPage; cacheable: boolean }> {
  const response = await fetch(origin + urlPath, {
    headers: { [RENDER_HEADER]: '1', accept: 'text/html', 'accept-encoding': 'identity' },
    redirect: 'manual',
    cache: 'no-store',
  });
  const body = new Uint8Array(await response.arrayBuffer());
  const headers: [string, string][] = [];
  for (const [name, value] of response.headers) if (!PER_TRANSFER.has(name)) headers.push([name, value]);
  const page: CachedPage = { status: response.status, headers, body };
  const cacheable =
    response.status === 200 &&
    (response.headers.get('content-type') ?? '').startsWith('text/html') &&
    response.headers.getSetCookie().length === 0 &&
    body.byteLength <= MAX_CACHED_BODY;
  return { page, cacheable };
}
