import 'server-only';
import type { Side } from './events';
import { unavailableAs503 } from '../http/json';
import { parseOrderParams } from './order-params';
import { orderbookStore } from './store';

type Context = { params: Promise<{ user: string; price: string }> };

/**
 * The handler of GET and POST /buy/<user>/<price> (or /sell/...): validates the path, records
 * the order, and answers `ok` once it is on disk. Bad input appends nothing and gets 400; a store
 * that takes no writes now (disk under MIN_FREE_BYTES, a failed write) answers 503 with the reason.
 */
export function placeOrderHandler(side: Side) {
  return async function placeOrder(_request: Request, { params }: Context): Promise<Response> {
    const parsed = parseOrderParams(await params);
    if (!parsed.ok) {
      return Response.json(
        { error: `invalid ${side} order`, fields: parsed.fields },
        { status: 400, headers: { 'cache-control': 'no-store' } },
      );
    }
    return unavailableAs503(async () => {
      await orderbookStore().dispatch({ type: 'OrderPlaced', data: { ...parsed.value, side } });
      return new Response('ok', { headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' } });
    });
  };
}
