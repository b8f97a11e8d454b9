// STAND-IN, for the boot benchmark only, while lib/orderbook is not merged into this branch:
// an orderbook-shaped store (same event, same rules as DESIGN.md, written plainly) so the
// kernel's replay cost can be measured. The real store replaces it as soon as it exists.
import { z } from 'zod';
import type { EnvelopeOf, StoreOptions } from '../lib/eventstore';

const DEPTH = 100;

export const standinSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('OrderPlaced'),
    data: z.object({ user: z.number().int().min(0), side: z.enum(['buy', 'sell']), price: z.number().int().min(1).max(1e9) }),
  }),
]);
type StandinEvent = z.infer<typeof standinSchema>;

interface Order {
  user: number;
  price: number;
  seq: number;
}
interface StandinBook {
  bids: readonly Order[];
  asks: readonly Order[];
  trades: number;
  lastTrade?: { price: number; buyer: number; seller: number; seq: number };
}

/** Index where `order` goes so that the side stays best first, equal prices oldest first. */
function insertAt(side: readonly Order[], order: Order, better: (a: number, b: number) => boolean): number {
  let lo = 0;
  let hi = side.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (better(order.price, side[mid]!.price)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

function reducer(book: StandinBook, event: EnvelopeOf<StandinEvent>): StandinBook {
  const { user, side, price } = event.data;
  const order = { user, price, seq: event.seq };
  const isBuy = side === 'buy';
  const own = isBuy ? book.bids : book.asks;
  const other = isBuy ? book.asks : book.bids;
  const best = other[0];
  if (best && (isBuy ? price >= best.price : price <= best.price)) {
    const trade = { price: best.price, buyer: isBuy ? user : best.user, seller: isBuy ? best.user : user, seq: event.seq };
    const rest = other.slice(1);
    return isBuy ? { ...book, asks: rest, trades: book.trades + 1, lastTrade: trade } : { ...book, bids: rest, trades: book.trades + 1, lastTrade: trade };
  }
  const better = isBuy ? (a: number, b: number) => a > b : (a: number, b: number) => a < b;
  const next = own.slice();
  next.splice(insertAt(own, order, better), 0, order);
  if (next.length > DEPTH) next.length = DEPTH;
  return isBuy ? { ...book, bids: next } : { ...book, asks: next };
}

export function standinOrderbookOptions(dir: string): StoreOptions<StandinBook, StandinEvent> {
  return { name: 'orderbook', dir, initialState: { bids: [], asks: [], trades: 0 }, reducer, schema: standinSchema, snapshot: { version: 'standin-1' } };
}
