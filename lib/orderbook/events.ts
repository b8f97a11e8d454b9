import { z } from 'zod';

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
