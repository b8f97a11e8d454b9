import { NextResponse, type NextRequest } from 'next/server';
import { adminHeaders } from '@/lib/auth/admin-proxy';
import { withEmbedFramePolicy } from '@/lib/embed/frame-policy';

// Next allows one proxy. It runs for /admin (the visited path for the login's return, and no
// caching: lib/auth/admin-proxy.ts) and for /embed: every /embed response, whatever the request
// (the page the edge renders and keeps, an RSC request (`RSC: 1`), a prefetch, a
// HEAD, an error page), carries the one frame policy from EMBED_ALLOWED_ORIGINS, read per request.
export function proxy(request: NextRequest) {
  const { pathname } = request.nextUrl;
  if (pathname === '/embed' || pathname.startsWith('/embed/')) return withEmbedFramePolicy(NextResponse.next());
  return adminHeaders(request);
}

// Literal constants only: Next reads the matcher at build time.
export const config = {
  matcher: ['/admin', '/admin/:path*', '/embed', '/embed/:path*'],
};
