import { z } from 'zod';
import { registerFastDecoder } from '../eventstore/envelope';

export const MAX_PRICE = 1_000_000_000;

/** The one thing that happens on the orderbook: someone places a one-unit order. */
export const orderPlacedData = z.strictObject({
  user: z.int().min(0),
  side: z.enum(['buy', 'sell']),
  price: z.int().min(1).max(MAX_PRICE),
});

export const orderbookEventSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('OrderPlaced'), data: orderPlacedData }),
]);

export type OrderbookEvent = z.infer<typeof orderbookEventSchema>;
export type OrderPlaced = z.infer<typeof orderPlacedData>;
export type Side = OrderPlaced['side'];

/** `data` of an OrderPlaced exactly as the store writes it: keys in schema order, plain integers. */
const ORDER_PLACED_DATA = /\{"user":(0|[1-9]\d{0,15}),"side":"(buy|sell)","price":([1-9]\d{0,9})\}/y;

/**
 * The data of an OrderPlaced line as JSON.parse and orderbookEventSchema would give it, read in
 * place with one regular expression instead, for replay (lib/eventstore/envelope.ts): a million
 * JSON.parse and zod calls are about half of a full replay. Undefined for anything it is not sure
 * of, which then takes that general path (events.test.ts holds it to it).
 */
export function decodeOrderPlacedData(type: string, source: string, from: number, to: number): OrderPlaced | undefined {
  if (type !== 'OrderPlaced') return undefined;
  ORDER_PLACED_DATA.lastIndex = from;
  const m = ORDER_PLACED_DATA.exec(source);
  if (!m || ORDER_PLACED_DATA.lastIndex !== to) return undefined;
  const user = Number(m[1]);
  const price = Number(m[3]);
  if (user > Number.MAX_SAFE_INTEGER || price > MAX_PRICE) return undefined;
  return { user, side: m[2] === 'buy' ? 'buy' : 'sell', price };
}

registerFastDecoder(orderbookEventSchema, decodeOrderPlacedData);
