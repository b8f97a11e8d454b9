import type { AnyStoreDefinition } from '../eventstore/define-store';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { singleton } from '../eventstore';
import { PageCache, type CachedPage } from './page-cache';
import { renderPage } from './render';
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
 * Answers a GET or HEAD of a cached route (called by the front door, lib/front-door) from the page rendered at the current state version, rendering it first on a miss. Every
 * read after a write sees that write: a write bumps the version, and a page is only replayed at
 * the version it was rendered at. Clients that accept gzip get the copy gzipped once per version,
 * marked with Content-Encoding.
 */
export async function serveCachedPage(req: IncomingMessage, res: ServerResponse, routes: readonly CachedRoute[]): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://self');
  const route = routes.find((r) => (r.matches ? r.matches(url.pathname) : r.path === url.pathname));
  if (!route) return sendText(res, 404, 'Not found'); // this route's own URL, visited directly
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.setHeader('allow', 'GET, HEAD');
    return sendText(res, 405, 'Method not allowed');
  }
  const key = route.canonicalKey ? route.canonicalKey(url) : urlKey(url.pathname, url.searchParams);
  const origin = selfOrigin(req.socket);
  const version = stateVersion(route.stores);
  let served: { page: CachedPage; status: 'hit' | 'miss' | 'off' };
  try {
    if (version === undefined) {
      // A store is not booted in this process yet: render (the page waits for it), keep nothing.
      served = { page: (await renderPage(key, origin)).page, status: 'off' };
    } else {
      const { page, hit } = await pageCache().getOrRender(key, version, () => renderPage(key, origin));
      served = { page, status: hit ? 'hit' : 'miss' };
    }
  } catch (err) {
    console.error(`render cache: could not render ${key} from ${origin} (set RENDER_CACHE_ORIGIN if the server cannot reach itself there):`, err);
    return sendText(res, 502, 'The page could not be rendered.');
  }
  send(req, res, served.page, served.status, route);
}

function send(req: IncomingMessage, res: ServerResponse, page: CachedPage, status: string, route: CachedRoute): void {
  res.statusCode = page.status;
  for (const [name, value] of page.headers) {
    if (name === 'set-cookie') res.appendHeader(name, value); // only on pages that are not kept
    else res.setHeader(name, value);
  }
  for (const [name, value] of Object.entries(route.headers?.() ?? {})) res.setHeader(name, value);
  res.setHeader(STATUS_HEADER, status);
  const vary = String(res.getHeader('vary') ?? '');
  if (!/(^|,)\s*accept-encoding\s*(,|$)/i.test(vary)) res.setHeader('vary', vary ? `${vary}, Accept-Encoding` : 'Accept-Encoding');
  // A page that is not kept has no gzip copy: Next's compression compresses it, as any response.
  const gzipped = page.gzip !== undefined && acceptsGzip(req.headers['accept-encoding']);
  const body = gzipped ? page.gzip! : page.body;
  if (gzipped) res.setHeader('content-encoding', 'gzip');
  res.setHeader('content-length', body.byteLength);
  res.end(req.method === 'HEAD' ? undefined : body);
}

function sendText(res: ServerResponse, status: number, text: string): void {
  res.statusCode = status;
  res.setHeader('content-type', 'text/plain; charset=utf-8');
  res.setHeader('cache-control', 'no-store');
  res.end(text);
}
