import { NextResponse } from 'next/server';
import { embedContentSecurityPolicy } from './lib/embed/frame-policy';

/**
 * Sets who may frame /embed from EMBED_ALLOWED_ORIGINS at request time, so that changing it needs
 * a restart rather than a rebuild (next.config.mjs headers() are fixed at build time). Every other
 * path keeps next.config.mjs's refusal to be framed; this proxy runs for /embed only.
 */
export function proxy() {
  const response = NextResponse.next();
  response.headers.set('Content-Security-Policy', embedContentSecurityPolicy(process.env.EMBED_ALLOWED_ORIGINS));
  return response;
}

export const config = { matcher: ['/embed'] };
