// What stands before a demo order is recorded: the demo switched off (ORDERBOOK=off), full (its
// log cap, or the disk low: demo-room.ts), or over its rate, per client (ORDERBOOK_RATE_LIMIT)
// and for all clients together (ORDERBOOK_GLOBAL_RATE_LIMIT). Framework-free, so the route
// handlers and the front door ask the same question of the same process-wide limiters.
import { singleton } from '../eventstore/registry';
import { jsonAnswer, type Answer } from '../http/answer';
import { ClientBudget, retryAfterSeconds } from '../limits/client-budget';
import { TokenBuckets } from '../limits/token-bucket';
import { demoRoom } from './demo-room';
import { orderbookEnabled, parseOrderRateLimit } from './rate-limit';

export type OrderRefusal =
  | { status: 404; error: string }
  | { status: 503; error: string }
  | { status: 429; error: string; retryAfter: string };

/** The process-wide limits, with their rates read once (a restart applies a change). */
export const orderBudget = () =>
  singleton(
    'orderbook:rate-limits',
    () =>
      new ClientBudget(
        new TokenBuckets({ perSecond: parseOrderRateLimit(process.env.ORDERBOOK_RATE_LIMIT) }),
        new TokenBuckets({ perSecond: parseOrderRateLimit(process.env.ORDERBOOK_GLOBAL_RATE_LIMIT, 'ORDERBOOK_GLOBAL_RATE_LIMIT', 200), maxKeys: 1 }),
      ),
  );

const OFF: OrderRefusal = { status: 404, error: 'The orderbook demo is turned off on this server (ORDERBOOK=off)' };

/**
 * Null when the order may be placed, else why not. `client` is the edge's client key
 * (lib/http/request-party.ts); `logBytes` the demo log's size now (demo-room.ts), when known.
 * A client's token is only spent on an order the all-clients budget also takes.
 */
export function refuseOrder(client: string, logBytes?: number, now = Date.now()): OrderRefusal | null {
  if (!orderbookEnabled()) return OFF;
  const full = demoRoom().fullReason(logBytes);
  if (full) return { status: 503, error: full };
  const budget = orderBudget();
  const admission = budget.take(client, now);
  if (admission.ok) return null;
  const retryAfter = retryAfterSeconds(admission.retryInMs);
  const error =
    admission.who === 'client'
      ? `Too many orders: at most ${budget.perClient.perSecond} a second from one client. Try again in ${retryAfter} s.`
      : `The demo is busy: at most ${budget.all.perSecond} orders a second from everyone together. Try again in ${retryAfter} s.`;
  return { status: 429, error, retryAfter };
}

/** The refusal as an HTTP answer (JSON, never cached, Retry-After on a 429). */
export function refusalAnswer(refusal: OrderRefusal): Answer {
  return jsonAnswer({ error: refusal.error }, refusal.status, refusal.status === 429 ? { 'retry-after': refusal.retryAfter } : {});
}
