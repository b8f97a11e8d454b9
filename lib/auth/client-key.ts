/**
 * Who is trying to log in, for the rate limiter: the LAST X-Forwarded-For entry.
 *
 * `next start` sets X-Forwarded-For to the socket address only when the request has none, and a
 * reverse proxy (nginx's $proxy_add_x_forwarded_for, Caddy, Traefik) appends the address it saw.
 * Either way the last entry was written by the hop closest to us; the entries before it are
 * whatever the client sent, so taking the first one would let anyone pick a fresh key per request.
 * A client talking to Next directly can still forge the whole header; the limiter's all-clients
 * ceiling (rate-limit.ts) bounds what that buys.
 */
export function clientKey(headers: Headers): string {
  const hops = (headers.get('x-forwarded-for') ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  const last = hops.at(-1);
  if (!last) return 'unknown';
  // The same IPv4 client may arrive as ::ffff:a.b.c.d on a dual-stack socket.
  return last.replace(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/i, '$1').toLowerCase();
}
