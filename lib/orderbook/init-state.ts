import { z } from 'zod';
import { MAX_PRICE } from './events';
import { EMPTY_ORDERBOOK, TRADE_HISTORY, type OrderbookState } from './state';

export const INIT_FILE = 'orderbook.init.json';

const user = z.int().min(0);
const price = z.int().min(1).max(MAX_PRICE);
const order = z.strictObject({ user, price });
const trade = z.strictObject({ buyer: user, seller: user, price, seq: z.int().min(0), at: z.iso.datetime() });
/** The file's shape (the lowdb document's check); parseInitState adds the book's own rules. */
export const initFileSchema = z.strictObject({ bids: z.array(order), asks: z.array(order), trades: z.array(trade) });

/** What a first boot writes: an empty book. */
export function initialOrderbook(): OrderbookState {
  return EMPTY_ORDERBOOK;
}

export function encodeInitState(state: OrderbookState): string {
  return JSON.stringify(state, null, 2) + '\n';
}

/**
 * Reads the init file's text into a state the reducer can build on, or throws saying what is wrong:
 * a hand-edited file must still be a valid book (sorted best first, not crossed, within the caps).
 */
export function parseInitState(text: string, { depth, tradeHistory = TRADE_HISTORY }: { depth: number; tradeHistory?: number }): OrderbookState {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    throw new Error(`not JSON (${(err as Error).message})`);
  }
  const parsed = initFileSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new Error(`${issue.path.join('.') || '(file)'}: ${issue.message}`);
  }
  const { bids, asks, trades } = parsed.data;
  for (let i = 1; i < bids.length; i++) {
    if (bids[i]!.price > bids[i - 1]!.price) throw new Error(`bids.${i}: bids must be listed highest price first`);
  }
  for (let i = 1; i < asks.length; i++) {
    if (asks[i]!.price < asks[i - 1]!.price) throw new Error(`asks.${i}: asks must be listed lowest price first`);
  }
  if (bids.length > 0 && asks.length > 0 && bids[0]!.price >= asks[0]!.price) {
    throw new Error(`the book is crossed: best bid ${bids[0]!.price} >= best ask ${asks[0]!.price}`);
  }
  if (bids.length > depth) throw new Error(`bids hold ${bids.length} orders, more than ORDERBOOK_DEPTH (${depth})`);
  if (asks.length > depth) throw new Error(`asks hold ${asks.length} orders, more than ORDERBOOK_DEPTH (${depth})`);
  if (trades.length > tradeHistory) throw new Error(`trades hold ${trades.length} entries, more than ${tradeHistory}`);
  // Fresh objects with keys in a fixed order: the public JSON serializes orders as they are.
  return {
    bids: bids.map((o) => ({ user: o.user, price: o.price })),
    asks: asks.map((o) => ({ user: o.user, price: o.price })),
    trades: trades.map((t) => ({ buyer: t.buyer, seller: t.seller, price: t.price, seq: t.seq, at: t.at })),
  };
}
