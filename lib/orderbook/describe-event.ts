// The orderbook log in words: "order buy 7 @ 100", and "matched sell 3 @ 98" when it traded.
// The match comes from the trades of the state after the event (see `matchOf`).
import type { Envelope } from '../eventstore';
import type { OrderPlaced, Side } from './events';
import type { Trade } from './state';

export type { OrderPlaced, Side };

/** What the history needs of a recorded trade: the seq of the order that made it, the price and both users. */
export type TradeLike = Pick<Trade, 'seq' | 'price' | 'buyer' | 'seller'>;

/** The resting order a new order traded with. */
export interface Match {
  side: Side;
  user: number;
  price: number;
}

/** The trade `event` made (an order is one unit: at most one), from the trades of the state after it. */
export function matchOf(event: Envelope<string, OrderPlaced>, tradesAfter: readonly TradeLike[]): Match | undefined {
  const trade = tradesAfter.at(-1);
  if (trade === undefined || trade.seq !== event.seq) return undefined;
  const side: Side = event.data.side === 'buy' ? 'sell' : 'buy';
  return { side, user: side === 'sell' ? trade.seller : trade.buyer, price: trade.price };
}

export function describeOrderbookEvent(event: Envelope, match?: Match): string {
  if (event.type !== 'OrderPlaced') return `${event.type} ${JSON.stringify(event.data)}`;
  const { user, side, price } = event.data as OrderPlaced;
  const order = `order ${side} ${user} @ ${price}`;
  if (!match) return order;
  return `${order}, matched ${match.side} ${match.user} @ ${match.price}`;
}

/** The trades of an orderbook state, if it has any (the history pages see states as opaque). */
export function tradesOf(state: unknown): readonly TradeLike[] {
  const trades = (state as { trades?: unknown } | null)?.trades;
  return Array.isArray(trades) ? (trades as TradeLike[]) : [];
}
