import 'server-only';
import { writeErrorResponse } from '../http/write-error';
import type { Side } from './events';
import { refusalResponse, refuseOrder } from './order-gate';
import { parseOrderParams } from './order-params';
import { orderbookStore } from './store';

type Context = { params: Promise<{ user: string; price: string }> };

/**
 * The handler of GET and POST /buy/<user>/<price> (or /sell/...): refuses when the demo is off
 * (404) or the client is over its rate (429), validates the path, records the order, and answers
 * `ok` once it is on disk. Bad input appends nothing and gets 400; a failed write gets a JSON 500/503.
 */
export function placeOrderHandler(side: Side) {
  return async function placeOrder(request: Request, { params }: Context): Promise<Response> {
    const refusal = refuseOrder(request.headers.get('x-forwarded-for'));
    if (refusal) return refusalResponse(refusal);
    const parsed = parseOrderParams(await params);
    if (!parsed.ok) {
      return Response.json(
        { error: `invalid ${side} order`, fields: parsed.fields },
        { status: 400, headers: { 'cache-control': 'no-store' } },
      );
    }
    try {
      await orderbookStore().dispatch({ type: 'OrderPlaced', data: { ...parsed.value, side } });
    } catch (err) {
      return writeErrorResponse('The order', err);
    }
    return new Response('ok', { headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' } });
  };
}

/**
 * HEAD never places an order (link checkers and prefetchers send it freely): it only says which
 * methods do, without a body. Exported explicitly, since Next would otherwise answer HEAD with GET.
 */
export function headOfOrderRoute(): Response {
  return new Response(null, { status: 405, headers: { allow: 'GET, POST', 'cache-control': 'no-store' } });
}
