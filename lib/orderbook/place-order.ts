import 'server-only';
import { partyFromHeaders } from '../http/edge-stamp';
import { jsonAnswer, textAnswer, toResponse, type Answer } from '../http/answer';
import { writeErrorAnswer } from '../http/write-error';
import type { Side } from './events';
import { refusalAnswer, refuseOrder } from './order-gate';
import { parseOrderParams } from './order-params';
import { demoLogBytes } from './demo-room';
import { orderbookStore, type OrderbookStore } from './store';

type Context = { params: Promise<{ user: string; price: string }> };

/**
 * GET and POST /buy/<user>/<price> (or /sell/...): refuses when the demo is off (404), full (503),
 * or the client or everyone together is over the rate (429), validates the path, records the order, and answers `ok` once it is on
 * disk. Bad input appends nothing and gets 400; a failed write gets a JSON 500/503. Called by
 * Next's route handlers and by the edge alike; `client` is the edge's client key.
 */
export async function placeOrder(side: Side, params: { user?: unknown; price?: unknown }, client: string): Promise<Answer> {
  const store = orderbookStore();
  const refusal = refuseOrder(client, logBytesNow(store));
  if (refusal) return refusalAnswer(refusal);
  const parsed = parseOrderParams(params);
  if (!parsed.ok) {
    return jsonAnswer({ error: `invalid ${side} order`, fields: parsed.fields }, 400);
  }
  try {
    await store.dispatch({ type: 'OrderPlaced', data: { ...parsed.value, side } });
  } catch (err) {
    return writeErrorAnswer('The order', err);
  }
  return ORDER_PLACED;
}

/** The demo log's size, or undefined while the store is still replaying (its dispatch waits for that). */
function logBytesNow(store: OrderbookStore): number | undefined {
  try {
    return demoLogBytes(store);
  } catch {
    return undefined;
  }
}

/** The answer to every order placed: the same object each time, so the edge sends the same bytes, prepared once. */
export const ORDER_PLACED: Answer = textAnswer('ok');

/** The route handler of /buy or /sell in Next. */
export function placeOrderHandler(side: Side) {
  return async function placeOrderRoute(request: Request, { params }: Context): Promise<Response> {
    return toResponse(await placeOrder(side, await params, partyFromHeaders(request.headers).key));
  };
}

/**
 * HEAD never places an order (link checkers and prefetchers send it freely): it only says which
 * methods do, without a body. Exported explicitly, since Next would otherwise answer HEAD with GET.
 */
export function headOfOrderRoute(): Response {
  return new Response(null, { status: 405, headers: { allow: 'GET, POST', 'cache-control': 'no-store' } });
}
