import { NextResponse, type NextRequest } from 'next/server';
import { publicOriginOf } from '../http/public-origin';
import { endpointLinkHeader } from './endpoints';

/** The pages that advertise the IndieWeb endpoints in a Link header (their HTML has the same <link>s). */
export const isAdvertisingPage = (pathname: string) => pathname === '/' || pathname === '/about' || pathname === '/now' || /^\/entries\/[^/]+$/.test(pathname);

/** The proxy's part for those pages: the Link header, with the public origin's absolute URLs. */
export function withEndpointLinks(request: NextRequest, response: NextResponse = NextResponse.next()): NextResponse {
  response.headers.append('link', endpointLinkHeader(publicOriginOf(request.headers)));
  return response;
}
