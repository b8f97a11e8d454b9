import type { AnyStoreDefinition } from '../eventstore/define-store';
import type { IncomingMessage } from 'node:http';
import type { Socket } from 'node:net';
import { singleton } from '../eventstore';
import { partyFromHeaders } from '../http/edge-stamp';
import { publicOrigin } from '../http/public-origin';
import { PageCache, type CachedPage } from './page-cache';
import { renderPage } from './render';
import { bytesBody, flatHeaders, type Wire } from '../http/wire';
import { acceptsGzip, STATUS_HEADER, urlKey } from './rules';
import { stateVersion } from './state-version';

export interface CachedRoute {
  /** The path, or a pattern of one (`/entries/:id`) with `matches` saying which paths it covers. */
  path: string;
  matches?: (pathname: string) => boolean;
  /** The stores the page reads: a write to any of them makes its cached HTML unreachable. */
  stores: readonly AnyStoreDefinition[];
  /** Headers decided per request rather than at render time (e.g. who may frame the page). */
  headers?: () => Record<string, string>;
  /**
   * The page's cache key and render URL from the request URL: only the options the page reads,
   * normalised (see canonicalPageKey). Without it, the whole query is the key.
   */
  canonicalKey?: (url: URL) => string;
}

const pageCache = () => singleton('render-cache', () => new PageCache());

/**
 * Where the server reaches itself to render a page: `RENDER_CACHE_ORIGIN` if set, else the
 * address and port this request came in on (the server is listening there).
 */
export function selfOrigin(socket: Pick<Socket, 'localAddress' | 'localPort'>): string {
  if (process.env.RENDER_CACHE_ORIGIN) return process.env.RENDER_CACHE_ORIGIN;
  const address = socket.localAddress ?? '127.0.0.1';
  return `http://${address.includes(':') ? `[${address}]` : address}:${socket.localPort}`;
}

/**
 * The answer to a GET or HEAD of a cached route: the page rendered at the current state version,
 * rendered first on a miss. Every read after a write sees that write: a write bumps the version,
 * and a page is only replayed at the version it was rendered at. Clients that accept gzip get the
 * copy gzipped once per version, marked with Content-Encoding. With `kept`, the same answer as a
 * later request at `version` gets it (marked as a cache hit), for callers that keep answers (the
 * front door).
 */
export async function cachedPageWire(req: IncomingMessage, routes: readonly CachedRoute[]): Promise<{ wire: Wire; kept?: { version: string; wire: Wire } }> {
  const url = new URL(req.url ?? '/', 'http://self');
  const route = routes.find((r) => (r.matches ? r.matches(url.pathname) : r.path === url.pathname));
  if (!route) return { wire: textWire(404, 'Not found') }; // this route's own URL, visited directly
  if (req.method !== 'GET' && req.method !== 'HEAD') return { wire: textWire(405, 'Method not allowed', ['allow', 'GET, HEAD']) };
  const path = route.canonicalKey ? route.canonicalKey(url) : urlKey(url.pathname, url.searchParams);
  // Pages name the site absolutely (canonical links): one kept per public origin.
  const party = partyFromHeaders({ get: (name) => (typeof req.headers[name] === 'string' ? (req.headers[name] as string) : null) });
  const key = `${publicOrigin(party)} ${path}`;
  const origin = selfOrigin(req.socket);
  const version = stateVersion(route.stores);
  const gzip = acceptsGzip(req.headers['accept-encoding']);
  try {
    if (version === undefined) {
      // A store is not booted in this process yet: render (the page waits for it), keep nothing.
      return { wire: pageWire((await renderPage(path, origin, party)).page, 'off', route, gzip) };
    }
    const { page, hit } = await pageCache().getOrRender(key, version, () => renderPage(path, origin, party));
    const kept = pageCache().get(key, version) === page ? { version, wire: pageWire(page, 'hit', route, gzip) } : undefined;
    return { wire: hit && kept ? kept.wire : pageWire(page, hit ? 'hit' : 'miss', route, gzip), kept };
  } catch (err) {
    console.error(`render cache: could not render ${path} from ${origin} (set RENDER_CACHE_ORIGIN if the server cannot reach itself there):`, err);
    return { wire: textWire(502, 'The page could not be rendered.') };
  }
}

function pageWire(page: CachedPage, status: string, route: CachedRoute, gzip: boolean): Wire {
  const vary = page.headers.find(([name]) => name === 'vary')?.[1] ?? '';
  // Set-Cookie only on pages that are not kept; the route's own headers win over the page's.
  const headers = flatHeaders(page.headers, Object.entries(route.headers?.() ?? {}), [
    [STATUS_HEADER, status],
    ['vary', /(^|,)\s*accept-encoding\s*(,|$)/i.test(vary) ? vary : vary ? `${vary}, Accept-Encoding` : 'Accept-Encoding'],
  ]);
  // A page that is not kept has no gzip copy: it goes out as it is.
  const body = gzip && page.gzip !== undefined ? page.gzip : page.body;
  if (body === page.gzip) headers.push('content-encoding', 'gzip');
  headers.push('content-length', String(body.byteLength));
  return { status: page.status, headers, body: bytesBody(body), encoding: 'latin1' };
}

function textWire(status: number, text: string, extra: string[] = []): Wire {
  return { status, headers: ['content-type', 'text/plain; charset=utf-8', 'cache-control', 'no-store', ...extra, 'content-length', String(Buffer.byteLength(text))], body: text, encoding: 'utf8' };
}
