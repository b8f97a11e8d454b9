// Framing policy lives here so that every response carries it, pages and route handlers alike:
// /embed may be framed by EMBED_ALLOWED_ORIGINS (default any), everything else never.
const embedAncestors = (process.env.EMBED_ALLOWED_ORIGINS ?? '*').split(/[\s,]+/).filter(Boolean).join(' ') || '*';

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
        headers: [
          { key: 'Content-Security-Policy', value: `frame-ancestors ${embedAncestors}` },
          { key: 'X-Content-Type-Options', value: 'nosniff' },
        ],
      },
    ];
  },
};

export default nextConfig;
