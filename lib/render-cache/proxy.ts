import { NextResponse, type NextRequest } from 'next/server';
import { singleton } from '../eventstore';
import { PageCache, type CachedPage } from './page-cache';
import { renderPage } from './render';
import { bypassReason, STATUS_HEADER, urlKey } from './rules';
import { stateVersion } from './state-version';

export interface CachedRoute {
  path: string;
  /** The stores the page reads: a write to any of them makes its cached HTML unreachable. */
  stores: readonly string[];
}

const pageCache = () => singleton('render-cache', () => new PageCache());

/**
 * The proxy step of the render cache: answers a GET of a cached route from the page rendered at
 * the current state version, rendering it first on a miss. Anything it must not answer (RSC
 * requests, other methods, stores not booted, a failed render) goes on to Next unchanged.
 */
export async function serveFromRenderCache(request: NextRequest, routes: readonly CachedRoute[]): Promise<Response> {
  const { pathname, searchParams } = request.nextUrl;
  if (bypassReason({ method: request.method, pathname, searchParams, headers: request.headers }, routes.map((r) => r.path))) {
    return NextResponse.next();
  }
  const route = routes.find((r) => r.path === pathname)!;
  const version = stateVersion(route.stores);
  if (version === undefined) return NextResponse.next();
  const url = urlKey(pathname, searchParams);
  try {
    const { page, hit } = await pageCache().getOrRender(url, version, () => renderPage(url));
    return replay(page, hit);
  } catch (err) {
    // Once per process: if the server cannot reach itself (RENDER_CACHE_ORIGIN), every request would say so.
    singleton('render-cache:warned', () => console.error(`render cache: could not render ${url} (pages are served uncached):`, err));
    return NextResponse.next();
  }
}

/**
 * The cached page as a response. Next drops Content-Encoding from a proxy's response and
 * compresses it itself for clients that accept gzip, so the page is kept uncompressed.
 */
function replay(page: CachedPage, hit: boolean): Response {
  const headers = new Headers(page.headers as [string, string][]);
  headers.set(STATUS_HEADER, hit ? 'hit' : 'miss');
  // A stream over the cached bytes: a Uint8Array body would be copied on every response.
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(page.body);
      controller.close();
    },
  });
  return new Response(stream, { status: page.status, headers });
}
