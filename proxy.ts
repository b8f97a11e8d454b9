import { NextResponse, type NextRequest } from 'next/server';
import { adminHeaders } from '@/lib/auth/admin-proxy';
import { withEmbedFramePolicy } from '@/lib/embed/frame-policy';
import { answersJson, isMalformedPath } from '@/lib/http/malformed-path';
import { isAdvertisingPage, withEndpointLinks } from '@/lib/indieweb/link-headers-proxy';

// Next allows one proxy. It answers paths that do not decode (400 JSON, or the 404 page). It runs for /admin (the visited path for the login's return, and no
// caching: lib/auth/admin-proxy.ts) and for /embed: every /embed response, whatever the request
// (the page the edge renders and keeps, an RSC request (`RSC: 1`), a prefetch, a
// HEAD, an error page), carries the one frame policy from EMBED_ALLOWED_ORIGINS, read per request;
// and for the pages that advertise the IndieWeb endpoints (lib/indieweb/link-headers-proxy.ts).
export function proxy(request: NextRequest) {
  const { pathname } = request.nextUrl;
  if (isMalformedPath(pathname)) {
    if (answersJson(pathname)) return NextResponse.json({ error: 'The path is not valid: its percent-encoding does not decode (for example %ff)' }, { status: 400 });
    // The site's 404 page: a path that does not decode names no page.
    return NextResponse.rewrite(new URL('/_not-a-page', request.url));
  }
  if (pathname === '/embed' || pathname.startsWith('/embed/')) return withEmbedFramePolicy(NextResponse.next());
  // The home page, About, Now and entry pages name the IndieAuth, Micropub and Webmention endpoints.
  if (isAdvertisingPage(pathname)) return withEndpointLinks(request);
  // The public routes in the matcher for malformed paths alone pass through untouched (no admin headers, cacheable).
  if (pathname === '/admin' || pathname.startsWith('/admin/')) return adminHeaders(request);
  return NextResponse.next();
}

// Literal constants only: Next reads the matcher at build time.
// The routes with a dynamic segment are here for malformed paths (lib/http/malformed-path.ts).
export const config = {
  matcher: ['/admin', '/admin/:path*', '/embed', '/embed/:path*', '/', '/about', '/now', '/api/media/:path*', '/entries/:path*', '/year/:path*', '/buy/:path*', '/sell/:path*'],
};
