import type { MetadataRoute } from 'next';

// Crawlers stay off the demo's order routes (a GET there places an order) and the admin.
export default function robots(): MetadataRoute.Robots {
  return {
    rules: { userAgent: '*', allow: '/', disallow: ['/buy/', '/sell/', '/admin', '/api/'] },
  };
}
