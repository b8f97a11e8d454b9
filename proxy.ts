import type { NextRequest } from 'next/server';
import { adminHeaders } from '@/lib/auth/admin-proxy';
import { withEmbedFramePolicy } from '@/lib/embed/frame-policy';
import { serveFromRenderCache, type CachedRoute } from '@/lib/render-cache/proxy';

// Next allows one proxy. It runs only for the paths in `matcher` below:
// - /admin: the visited path for the login's return, and no caching (lib/auth/admin-proxy.ts);
// - /about, /embed: rendered once per state version and replayed from memory until the next
//   write (lib/render-cache); /embed also gets who may frame it, at request time.

// Keep this list and the matcher in step.
const cachedRoutes: CachedRoute[] = [
  { path: '/about', stores: ['media'] },
  { path: '/embed', stores: ['media'] },
];

export async function proxy(request: NextRequest) {
  const { pathname } = request.nextUrl;
  if (pathname === '/admin' || pathname.startsWith('/admin/')) return adminHeaders(request);
  const response = await serveFromRenderCache(request, cachedRoutes);
  return pathname === '/embed' ? withEmbedFramePolicy(response) : response;
}

// Literal constants only: Next reads the matcher at build time. The cache's own render request
// (x-shelf-render), RSC requests (rsc) and server actions (next-action) skip the proxy entirely.
export const config = {
  matcher: [
    '/admin',
    '/admin/:path*',
    {
      source: '/about',
      missing: [
        { type: 'header', key: 'x-shelf-render' },
        { type: 'header', key: 'rsc' },
        { type: 'header', key: 'next-action' },
      ],
    },
    {
      source: '/embed',
      missing: [
        { type: 'header', key: 'x-shelf-render' },
        { type: 'header', key: 'rsc' },
        { type: 'header', key: 'next-action' },
      ],
    },
  ],
};
