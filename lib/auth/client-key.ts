/**
 * Who is asking, for the rate limiters (failed logins, API tokens, demo orders, live streams):
 * the LAST X-Forwarded-For entry.
 *
 * `next start` sets X-Forwarded-For to the socket address only when the request has none, and a
 * reverse proxy (nginx's $proxy_add_x_forwarded_for, Caddy, Traefik) appends the address it saw.
 * Either way the last entry was written by the hop closest to us; the entries before it are
 * whatever the client sent, so taking the first one would let anyone pick a fresh key per request.
 * A client talking to Next directly can still forge the whole header; the limiters' all-clients
 * ceilings bound what that buys.
 */
export function clientKey(headers: Headers): string {
  return clientKeyFromForwardedFor(headers.get('x-forwarded-for'));
}

/**
 * The same key from the raw header value (a Node `req.headers['x-forwarded-for']` too): one
 * lastIndexOf and a slice, no arrays, since the order routes call it on every request.
 */
export function clientKeyFromForwardedFor(header: string | string[] | null | undefined): string {
  let value = Array.isArray(header) ? header.join(',') : (header ?? '');
  // Trailing blanks and empty entries ("a, ") do not count as a hop.
  let end = value.length;
  for (;;) {
    while (end > 0 && (value.charCodeAt(end - 1) === 32 || value.charCodeAt(end - 1) === 9)) end--;
    if (end > 0 && value.charCodeAt(end - 1) === 44) {
      end--;
      continue;
    }
    break;
  }
  if (end === 0) return 'unknown';
  value = value.slice(value.lastIndexOf(',', end - 1) + 1, end).trim();
  if (!value) return 'unknown';
  // The same IPv4 client may arrive as ::ffff:a.b.c.d on a dual-stack socket.
  if (value.charCodeAt(0) === 58 /* : */) value = value.replace(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/i, '$1');
  return value.toLowerCase();
}
