import type { NextRequest } from 'next/server';
import { adminHeaders } from '@/lib/auth/admin-proxy';

// Next allows one proxy. It runs only for /admin: the visited path for the login's return, and no
// caching (lib/auth/admin-proxy.ts). (/about and /embed are served by the render cache, in the
// front door: lib/front-door.)
export function proxy(request: NextRequest) {
  return adminHeaders(request);
}

// Literal constants only: Next reads the matcher at build time.
export const config = {
  matcher: ['/admin', '/admin/:path*'],
};
