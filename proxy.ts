import { NextResponse, type NextRequest } from 'next/server';
import { adminHeaders } from '@/lib/auth/admin-proxy';
import { withEmbedFramePolicy } from '@/lib/embed/frame-policy';
import { isAdvertisingPage, withEndpointLinks } from '@/lib/indieweb/link-headers-proxy';

// Next allows one proxy. It runs for /admin (the visited path for the login's return, and no
// caching: lib/auth/admin-proxy.ts) and for /embed: every /embed response, whatever the request
// (a plain GET the render cache answers in the front door when it reaches Next, an RSC request with `_rsc` or `RSC: 1`, a prefetch, a
// HEAD, an error page), carries the one frame policy from EMBED_ALLOWED_ORIGINS, read per request;
// and for the pages that advertise the IndieWeb endpoints (lib/indieweb/link-headers-proxy.ts).
export function proxy(request: NextRequest) {
  const { pathname } = request.nextUrl;
  if (pathname === '/embed' || pathname.startsWith('/embed/')) return withEmbedFramePolicy(NextResponse.next());
  // The home page, About, Now and entry pages name the IndieAuth, Micropub and Webmention endpoints.
  if (isAdvertisingPage(pathname)) return withEndpointLinks(request);
  return adminHeaders(request);
}

// Literal constants only: Next reads the matcher at build time.
export const config = {
  matcher: ['/admin', '/admin/:path*', '/embed', '/embed/:path*', '/', '/about', '/now', '/entries/:path*'],
};
