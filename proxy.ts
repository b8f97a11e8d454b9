import { NextResponse, type NextRequest } from 'next/server';
import { ADMIN_PATH_HEADER } from './lib/auth/return-path';

// Runs for /admin only. It checks nothing (pages and actions verify the session themselves);
// it tells them which path is being visited, so a logged-out visit returns there after login,
// and keeps admin responses out of every cache.
export function proxy(request: NextRequest) {
  const headers = new Headers(request.headers);
  headers.set(ADMIN_PATH_HEADER, request.nextUrl.pathname + request.nextUrl.search);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set('cache-control', 'no-store');
  return response;
}

export const config = {
  matcher: ['/admin', '/admin/:path*'],
};
