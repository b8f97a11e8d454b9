// What stands before a demo order is recorded: the demo switched off (ORDERBOOK=off) or the
// client over its rate (ORDERBOOK_RATE_LIMIT). Framework-free, so the route handlers and a custom
// Node server in front of Next ask the same question of the same process-wide limiter.
import { singleton } from '../eventstore/registry';
import { jsonAnswer, type Answer } from '../http/answer';
import { orderbookEnabled, OrderRateLimiter, parseOrderRateLimit, retryAfterSeconds } from './rate-limit';

export type OrderRefusal =
  | { status: 404; error: string }
  | { status: 429; error: string; retryAfter: string };

/** The process-wide limiter, with ORDERBOOK_RATE_LIMIT read once (a restart applies a change). */
export const orderRateLimiter = () =>
  singleton('orderbook:rate-limiter', () => new OrderRateLimiter({ perSecond: parseOrderRateLimit(process.env.ORDERBOOK_RATE_LIMIT) }));

const OFF: OrderRefusal = { status: 404, error: 'The orderbook demo is turned off on this server (ORDERBOOK=off)' };

/**
 * Null when the order may be placed, else why not. `client` is the edge's client key
 * (lib/http/request-party.ts). With the limit off this is one env check and one property read.
 */
export function refuseOrder(client: string, now = Date.now()): OrderRefusal | null {
  if (!orderbookEnabled()) return OFF;
  const limiter = orderRateLimiter();
  if (!limiter.enabled) return null;
  const waitMs = limiter.take(client, now);
  if (waitMs === 0) return null;
  return {
    status: 429,
    error: `Too many orders: at most ${limiter.perSecond} a second from one client. Try again in ${retryAfterSeconds(waitMs)} s.`,
    retryAfter: retryAfterSeconds(waitMs),
  };
}

/** The refusal as an HTTP answer (JSON, never cached, Retry-After on a 429). */
export function refusalAnswer(refusal: OrderRefusal): Answer {
  return jsonAnswer({ error: refusal.error }, refusal.status, refusal.status === 429 ? { 'retry-after': refusal.retryAfter } : {});
}
