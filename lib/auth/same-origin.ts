// The cross-site check for writes that a browser authenticates with the session cookie (the
// SameSite=Lax cookie already stays home on cross-site POSTs; this is the second, explicit lock).

/** True when the request came from a browser page (which always names its origin on a POST). */
export const isBrowserRequest = (headers: Headers) => headers.has('origin') || headers.has('sec-fetch-site');

/**
 * Null when a cookie-authenticated JSON write may proceed, else why not. The Origin must be one of
 * `sameSiteOrigins` (the request's own, as the edge read it from the Host and a trusted proxy's
 * protocol, and SITE_URL's: lib/http/public-origin.ts), as Django and Rails check it; the browser
 * must not call it cross-site; and the body must be declared JSON (a cross-site HTML form cannot
 * send that type without a CORS preflight, which this server never grants).
 */
export function crossSiteRefusal(headers: Headers, sameSiteOrigins: readonly string[]): string | null {
  const origin = headers.get('origin');
  if (!origin || !sameSiteOrigins.includes(origin)) return `Cross-site request refused: Origin ${origin ?? '(none)'} is not this site`;
  const site = headers.get('sec-fetch-site');
  if (site !== null && site !== 'same-origin') return `Cross-site request refused: Sec-Fetch-Site is ${site}`;
  const type = headers.get('content-type') ?? '';
  if (!/^application\/json\s*(;|$)/i.test(type)) return 'Send the entry as JSON (Content-Type: application/json)';
  return null;
}
