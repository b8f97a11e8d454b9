import 'server-only';
import { jsonAnswer, textAnswer, type Answer } from '../http/answer';
import { toResponse } from '../http/answer';
import type { Side } from './events';
import { parseOrderParams } from './order-params';
import { orderbookStore } from './store';

type Context = { params: Promise<{ user: string; price: string }> };

/**
 * GET and POST /buy/<user>/<price> (or /sell/...): validates the path, records the order, and
 * answers `ok` once it is on disk. Bad input appends nothing and gets 400; a disk error is not
 * caught, so it reaches the client as a 500 and the server log. Called by Next's route handlers
 * and by the front door alike.
 */
export async function placeOrder(side: Side, params: { user?: unknown; price?: unknown }): Promise<Answer> {
  const parsed = parseOrderParams(params);
  if (!parsed.ok) return jsonAnswer({ error: `invalid ${side} order`, fields: parsed.fields }, 400);
  await orderbookStore().dispatch({ type: 'OrderPlaced', data: { ...parsed.value, side } });
  return textAnswer('ok');
}

/** The route handler of /buy or /sell in Next. */
export function placeOrderHandler(side: Side) {
  return async function placeOrderRoute(_request: Request, { params }: Context): Promise<Response> {
    return toResponse(await placeOrder(side, await params));
  };
}
