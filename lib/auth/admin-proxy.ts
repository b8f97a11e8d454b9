import { NextResponse, type NextRequest } from 'next/server';
import { ADMIN_PATH_HEADER } from './return-path';

/**
 * The proxy's part for /admin. It checks nothing (pages and actions verify the session
 * themselves); it tells them which path is being visited, so a logged-out visit returns there
 * after login, and keeps admin responses out of every cache.
 */
export function adminHeaders(request: NextRequest): NextResponse {
  const headers = new Headers(request.headers);
  headers.set(ADMIN_PATH_HEADER, request.nextUrl.pathname + request.nextUrl.search);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set('cache-control', 'no-store');
  return response;
}
