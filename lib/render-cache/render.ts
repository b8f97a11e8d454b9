import { promisify } from 'node:util';
import { constants, gzip } from 'node:zlib';
import { stampHeaders } from '../http/edge-stamp';
import type { RequestParty } from '../http/request-party';
import type { CachedPage } from './page-cache';
import { RENDER_HEADER } from './rules';

const gzipAsync = promisify(gzip);

/** Headers that describe one transfer, not the page: recomputed or dropped when the page is replayed. */
const PER_TRANSFER = new Set(['connection', 'keep-alive', 'transfer-encoding', 'content-length', 'content-encoding', 'date']);

/** Pages bigger than this are served but not kept. */
const MAX_CACHED_BODY = 8 << 20;

/**
 * Renders a page by requesting it from this same server (`origin`) with the render header, which
 * the front door passes to Next, so it reaches the page. Only a plain 200 HTML
 * page without cookies may be kept; that one is also gzipped, once, for every client that accepts it.
 * The request carries the visitor's party (the edge keeps a stamp this process wrote), so the page
 * names the site as the visitor reached it (canonical links: lib/http/public-origin.ts).
 */
export async function renderPage(urlPath: string, origin: string, party: RequestParty): Promise<{ page: CachedPage; cacheable: boolean }> {
  const response = await fetch(origin + urlPath, {
    headers: stampHeaders({ [RENDER_HEADER]: '1', accept: 'text/html', 'accept-encoding': 'identity' }, party),
    redirect: 'manual',
    cache: 'no-store',
  });
  const body = new Uint8Array(await response.arrayBuffer());
  const headers: [string, string][] = [];
  for (const [name, value] of response.headers) if (!PER_TRANSFER.has(name)) headers.push([name, value]);
  const cacheable =
    response.status === 200 &&
    (response.headers.get('content-type') ?? '').startsWith('text/html') &&
    response.headers.getSetCookie().length === 0 &&
    body.byteLength <= MAX_CACHED_BODY;
  const page: CachedPage = { status: response.status, headers, body };
  if (cacheable) page.gzip = new Uint8Array(await gzipAsync(body, { level: constants.Z_BEST_COMPRESSION }));
  return { page, cacheable };
}
