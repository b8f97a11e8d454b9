// Framing policy: every response but /embed refuses to be framed, set here so that pages and route
// handlers alike carry it. /embed's own Content-Security-Policy (frame-ancestors from
// EMBED_ALLOWED_ORIGINS, default any) is set by the render cache at request time
// (lib/cached-routes.ts): headers() here are fixed at build time, and the allowed origins should
// change with a restart, not a rebuild.

// The render cache (lib/render-cache): plain GETs of these pages are rewritten to
// pages/api/render-cache, which replays the page rendered at the current state version. Requests
// that carry any of these headers or the `_rsc` param (RSC payloads for router.refresh() and
// navigations, prefetches, server actions, and the cache's own render request) reach the page.
// Keep in step with lib/cached-routes.ts and BYPASS_HEADERS in lib/render-cache/rules.ts (a unit
// test checks both).
export const CACHED_PAGES = ['/about', '/embed', '/entries/:id', '/year/:year'];
export const NOT_FOR_THE_CACHE = [
  ...['rsc', 'next-router-state-tree', 'next-router-prefetch', 'next-router-segment-prefetch', 'next-action', 'x-shelf-render'].map((key) => ({
    type: 'header',
    key,
  })),
  { type: 'query', key: '_rsc' },
];

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  async rewrites() {
    return {
      // /orderbook is a JSON route handler; browsers (Accept: text/html) get the page instead.
      // beforeFiles: plain (afterFiles) rewrites are only tried after the route handler matched.
      beforeFiles: [
        ...CACHED_PAGES.map((source) => ({ source, missing: NOT_FOR_THE_CACHE, destination: '/api/render-cache' })),
        {
          source: '/orderbook',
          has: [{ type: 'header', key: 'accept', value: '(.*)text/html(.*)' }],
          destination: '/orderbook/live',
        },
        // The page's own client requests (router.refresh() on a live update) carry `RSC: 1`, not text/html.
        { source: '/orderbook', has: [{ type: 'header', key: 'rsc', value: '1' }], destination: '/orderbook/live' },
      ],
    };
  },
  async headers() {
    return [
      {
        source: '/((?!embed$|embed/).*)',
        headers: [
          { key: 'X-Frame-Options', value: 'DENY' },
          { key: 'Content-Security-Policy', value: "frame-ancestors 'none'" },
          { key: 'X-Content-Type-Options', value: 'nosniff' },
          { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
        ],
      },
      {
        // The service worker (offline quick log): always revalidated, so a new one is picked up at once.
        source: '/sw.js',
        headers: [{ key: 'Cache-Control', value: 'no-cache, no-store, must-revalidate' }],
      },
      {
        source: '/embed',
        headers: [{ key: 'X-Content-Type-Options', value: 'nosniff' }],
      },
    ];
  },
};

export default nextConfig;
