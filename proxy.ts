import { NextResponse, type NextRequest } from 'next/server';
import { ADMIN_PATH_HEADER } from './lib/auth/return-path';
import { embedContentSecurityPolicy } from './lib/embed/frame-policy';

// Next allows one proxy; it runs only for the paths in `matcher`, each handled by its own function.
export function proxy(request: NextRequest) {
  return request.nextUrl.pathname === '/embed' ? embedHeaders() : adminHeaders(request);
}

/**
 * /admin: checks nothing (pages and actions verify the session themselves); it tells them which
 * path is being visited, so a logged-out visit returns there after login, and keeps admin
 * responses out of every cache.
 */
function adminHeaders(request: NextRequest) {
  const headers = new Headers(request.headers);
  headers.set(ADMIN_PATH_HEADER, request.nextUrl.pathname + request.nextUrl.search);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set('cache-control', 'no-store');
  return response;
}

/**
 * /embed: who may frame the widget, from EMBED_ALLOWED_ORIGINS at request time, so a change needs a
 * restart rather than a rebuild (next.config.mjs headers() are fixed at build time). Every other
 * path keeps next.config.mjs's refusal to be framed.
 */
function embedHeaders() {
  const response = NextResponse.next();
  response.headers.set('Content-Security-Policy', embedContentSecurityPolicy(process.env.EMBED_ALLOWED_ORIGINS));
  return response;
}

export const config = { matcher: ['/admin', '/admin/:path*', '/embed'] };
