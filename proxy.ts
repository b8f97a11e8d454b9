import type { NextRequest } from 'next/server';
import { serveFromRenderCache, type CachedRoute } from '@/lib/render-cache/proxy';

// Pages that read only the in-memory stores are rendered once per state version and replayed
// from memory until the next write (lib/render-cache). Keep this list and the matcher in step.
const cachedRoutes: CachedRoute[] = [
  { path: '/about', stores: ['media'] },
  { path: '/embed', stores: ['media'] },
];

export function proxy(request: NextRequest) {
  return serveFromRenderCache(request, cachedRoutes);
}

// Literal constants only: Next reads the matcher at build time. The cache's own render request
// (x-shelf-render), RSC requests (rsc) and server actions (next-action) skip the proxy entirely.
export const config = {
  matcher: [
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
