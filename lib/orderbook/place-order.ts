import 'server-only';
import { writeErrorResponse } from '../http/write-error';
import type { Side } from './events';
import { refusalResponse, refuseOrder } from './order-gate';
import { parseOrderParams } from './order-params';
import { orderbookStore } from './store';

type Context = { params: Promise<{ user: string; price: string }> };

/**
 * GET and POST /buy/<user>/<price> (or /sell/...): refuses when the demo is off (404) or the client
 * is over its rate (429), validates the path, records the order, and answers `ok` once it is on
 * disk. Bad input appends nothing and gets 400; a failed write gets a JSON 500/503. Called by
 * Next's route handlers and by the front door alike; `forwardedFor` is the X-Forwarded-For value
 * as Next passes it (the front door gives the socket address when the request has none, as Next does).
 */
export async function placeOrder(side: Side, params: { user?: unknown; price?: unknown }, forwardedFor: string | string[] | null | undefined): Promise<Response> {
  const refusal = refuseOrder(forwardedFor);
  if (refusal) return refusalResponse(refusal);
  const parsed = parseOrderParams(params);
  if (!parsed.ok) {
    return Response.json({ error: `invalid ${side} order`, fields: parsed.fields }, { status: 400, headers: { 'cache-control': 'no-store' } });
  }
  try {
    await orderbookStore().dispatch({ type: 'OrderPlaced', data: { ...parsed.value, side } });
  } catch (err) {
    return writeErrorResponse('The order', err);
  }
  return new Response('ok', { headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' } });
}

/** The route handler of /buy or /sell in Next. */
export function placeOrderHandler(side: Side) {
  return async function placeOrderRoute(request: Request, { params }: Context): Promise<Response> {
    return placeOrder(side, await params, request.headers.get('x-forwarded-for'));
  };
}

/**
 * HEAD never places an order (link checkers and prefetchers send it freely): it only says which
 * methods do, without a body. Exported explicitly, since Next would otherwise answer HEAD with GET.
 */
export function headOfOrderRoute(): Response {
  return new Response(null, { status: 405, headers: { allow: 'GET, POST', 'cache-control': 'no-store' } });
}
