import 'server-only';
// The inbox is open to anyone: each POST costs a signature check and, for a Follow, a fetch of
// the follower. So it is rate-limited per client (the edge's key) and for all clients together,
// before its body is read. Token buckets (the demo's, lib/orderbook/rate-limit.ts).
import { singleton } from '../eventstore/registry';
import { jsonError } from '../http/json';
import { OrderRateLimiter } from '../orderbook/rate-limit';

/** Per client: 5 a second, bursts of 20 (a server delivering a backlog). In all: 50 a second. */
export const INBOX_LIMITS = { perClient: 5, clientBurst: 20, total: 50, totalBurst: 100 } as const;

const limiters = () =>
  singleton('fediverse:inbox-limits', () => ({
    client: new OrderRateLimiter({ perSecond: INBOX_LIMITS.perClient, burst: INBOX_LIMITS.clientBurst }),
    total: new OrderRateLimiter({ perSecond: INBOX_LIMITS.total, burst: INBOX_LIMITS.totalBurst }),
  }));

/** undefined when the POST may go on; else the 429 to answer. */
export function inboxAdmission(client: string, now = Date.now()): Response | undefined {
  const { client: perClient, total } = limiters();
  const wait = perClient.take(client, now) || total.take('*', now);
  if (wait === 0) return undefined;
  const response = jsonError(429, 'Too many deliveries to this inbox; retry later');
  response.headers.set('retry-after', String(Math.ceil(wait / 1000)));
  return response;
}
