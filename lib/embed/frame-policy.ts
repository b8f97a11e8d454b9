// Who may put /embed in an iframe: the CSP `frame-ancestors` sources from EMBED_ALLOWED_ORIGINS.
// Read per request (by proxy.ts), so changing the variable needs a restart, not a rebuild.

/** `https://blog.example`, `https://*.example.org`, `http://localhost:8080`, `https:`; no paths. */
const SOURCE = /^(?:https?:\/\/(?:\*\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)*(?::(?:\d{1,5}|\*))?|https?:)$/i;

/**
 * The `frame-ancestors` source list. Unset, empty or `*`: any site (`*`). Otherwise the listed
 * origins (comma or space separated) plus `'self'`, so the admin's live preview still shows.
 * Tokens that are not plain origins are dropped, so a value can never inject another directive;
 * if none is left, only the site itself may frame the widget (a typo closes, it never opens).
 */
export function frameAncestors(allowed: string | undefined): string {
  const tokens = (allowed ?? '').split(/[\s,]+/).filter(Boolean);
  if (tokens.length === 0 || tokens.includes('*')) return '*';
  const origins = [...new Set(tokens.map((t) => t.replace(/\/+$/, '')).filter((t) => SOURCE.test(t)))];
  return origins.length > 0 ? ["'self'", ...origins].join(' ') : "'self'";
}

/** The Content-Security-Policy header value for /embed. */
export const embedContentSecurityPolicy = (allowed: string | undefined) => `frame-ancestors ${frameAncestors(allowed)}`;

/** Sets /embed's frame policy on a response (rendered now, or as the edge keeps it). */
export function withEmbedFramePolicy<R extends Response>(response: R, allowed = process.env.EMBED_ALLOWED_ORIGINS): R {
  response.headers.set('Content-Security-Policy', embedContentSecurityPolicy(allowed));
  return response;
}
