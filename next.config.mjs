// Framing policy: every response but /embed refuses to be framed, set here so that pages and route
// handlers alike carry it. /embed's own Content-Security-Policy (frame-ancestors from
// EMBED_ALLOWED_ORIGINS, default any) is set by proxy.ts at request time: headers() here are fixed
// at build time, and the allowed origins should change with a restart, not a rebuild.

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
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
        headers: [
          { key: 'X-Frame-Options', value: 'DENY' },
          { key: 'Content-Security-Policy', value: "frame-ancestors 'none'" },
          { key: 'X-Content-Type-Options', value: 'nosniff' },
          { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
        ],
      },
      {
        source: '/embed',
        headers: [{ key: 'X-Content-Type-Options', value: 'nosniff' }],
      },
    ];
  },
};

export default nextConfig;
