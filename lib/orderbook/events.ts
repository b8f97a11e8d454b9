import { z } from 'zod';
import { registerFastCheck } from '../eventstore/envelope';

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

/**
 * The same check as orderbookEventSchema, by hand, for replay (lib/eventstore/envelope.ts): a
 * million zod parses are about a third of a full replay. True only for what the schema accepts
 * unchanged (events.test.ts holds it to the schema); anything else goes to zod.
 */
export function isOrderPlacedEvent(event: { type: unknown; data: unknown }): boolean {
  if (event.type !== 'OrderPlaced') return false;
  const data = event.data;
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return false;
  let keys = 0;
  for (const key in data) if (Object.hasOwn(data, key)) keys++;
  const { user, side, price } = data as Record<string, unknown>;
  return (
    keys === 3 &&
    Object.hasOwn(data, 'user') &&
    Object.hasOwn(data, 'side') &&
    Object.hasOwn(data, 'price') &&
    Number.isSafeInteger(user) &&
    (user as number) >= 0 &&
    (side === 'buy' || side === 'sell') &&
    Number.isSafeInteger(price) &&
    (price as number) >= 1 &&
    (price as number) <= MAX_PRICE
  );
}

registerFastCheck(orderbookEventSchema, isOrderPlacedEvent);
