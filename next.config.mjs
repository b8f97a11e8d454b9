import { readFileSync } from 'node:fs';

// Framing policy: every response but /embed refuses to be framed, set here so that pages and route
// handlers alike carry it; the edge adds the same list (lib/http/security-headers.json) to what it
// answers itself. /embed's own Content-Security-Policy (frame-ancestors from
// EMBED_ALLOWED_ORIGINS, default any) is set by proxy.ts, and by the edge on the answer it keeps
// (lib/edge/routes.ts): headers() here are fixed at build time, and the allowed origins should
// change with a restart, not a rebuild.
const SECURITY_HEADERS = JSON.parse(readFileSync(new URL('./lib/http/security-headers.json', import.meta.url), 'utf8'));
const asNextHeaders = (list) => list.map(([key, value]) => ({ key, value }));

// The edge (lib/edge, server/front-door.mjs) decides in lib/edge/routes.ts which routes it answers itself; no rewrite here.

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  // The outbound fetcher's HTTP client (lib/outbound/fetch.ts) and Fedify (lib/fediverse: JSON-LD,
  // polyfills with side effects) load as they ship, not bundled.
  serverExternalPackages: ['undici', '@fedify/fedify', '@fedify/vocab', '@fedify/vocab-runtime'],
  reactStrictMode: true,
  async rewrites() {
    return {
      // /orderbook is a JSON route handler; browsers (Accept: text/html) get the page instead.
      // beforeFiles: plain (afterFiles) rewrites are only tried after the route handler matched.
      beforeFiles: [
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
        headers: asNextHeaders(SECURITY_HEADERS.everyRoute),
      },
      {
        // The service worker (offline quick log): always revalidated, so a new one is picked up at once.
        source: '/sw.js',
        headers: [{ key: 'Cache-Control', value: 'no-cache, no-store, must-revalidate' }],
      },
      {
        source: '/embed',
        headers: asNextHeaders(SECURITY_HEADERS.embed),
      },
    ];
  },
};

export default nextConfig;
