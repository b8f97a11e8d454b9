import type { EnvelopeOf } from '../eventstore/types';
import type { OrderbookEvent } from './events';
import { TRADE_HISTORY, type Order, type OrderbookState, type Trade } from './state';

/**
 * Bump when what the reducer makes of an event changes (the matching rules, the state's shape, the
 * event schema): snapshots taken under another version are ignored and rebuilt by a full replay.
 */
export const ORDERBOOK_REDUCER_VERSION = 1;

export interface OrderbookRules {
  /** The most orders one side holds; past that its worst-priced order (newest among equals) is dropped. */
  depth: number;
  /** How many recent trades the state keeps. */
  tradeHistory?: number;
}

export type OrderbookEvolve = (state: OrderbookState, event: EnvelopeOf<OrderbookEvent>) => OrderbookState;

/**
 * The matching rules (DESIGN.md, "Orderbook rules"). Pure: sides are copied, never mutated.
 * The book is never crossed between events, so an order that crosses is strictly better than every
 * order on its own side: it trades at once with the other side's best and never rests.
 */
export function createOrderbookEvolve({ depth, tradeHistory = TRADE_HISTORY }: OrderbookRules): OrderbookEvolve {
  if (!Number.isSafeInteger(depth) || depth < 1) throw new RangeError(`depth must be a positive integer, not ${depth}`);
  if (!Number.isSafeInteger(tradeHistory) || tradeHistory < 1) {
    throw new RangeError(`tradeHistory must be a positive integer, not ${tradeHistory}`);
  }

  return (state, event) => {
    const { user, side, price } = event.data;
    const buying = side === 'buy';
    const opposite = buying ? state.asks : state.bids;
    const best = opposite[0];

    if (best !== undefined && (buying ? price >= best.price : price <= best.price)) {
      const trade: Trade = {
        buyer: buying ? user : best.user,
        seller: buying ? best.user : user,
        price: best.price,
        seq: event.seq,
        at: event.at,
      };
      const rest = opposite.slice(1);
      const trades = recordTrade(state.trades, trade, tradeHistory);
      return buying ? { bids: state.bids, asks: rest, trades } : { bids: rest, asks: state.asks, trades };
    }

    const own = buying ? state.bids : state.asks;
    const at = insertionIndex(own, price, buying);
    // Past the depth the worst-priced order, newest among equals, is dropped: that is this one.
    if (at >= depth) return state;
    const joined = own.toSpliced(at, 0, { user, price });
    if (joined.length > depth) joined.length = depth; // drops the worst-priced, newest among equals
    return buying ? { bids: joined, asks: state.asks, trades: state.trades } : { bids: state.bids, asks: joined, trades: state.trades };
  };
}

/** Where an order at `price` joins `side`: after every order at least as good (the newest at its price). */
function insertionIndex(side: readonly Order[], price: number, bids: boolean): number {
  let lo = 0;
  let hi = side.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const p = side[mid]!.price;
    if (bids ? p >= price : p <= price) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * A copy of `side` with `order` after every order at least as good (so it is the newest at its
 * price). Bids are best when highest, asks when lowest.
 */
export function insertOrder(side: readonly Order[], order: Order, bids: boolean): Order[] {
  return side.toSpliced(insertionIndex(side, order.price, bids), 0, order);
}

function recordTrade(trades: readonly Trade[], trade: Trade, keep: number): Trade[] {
  const from = Math.max(0, trades.length + 1 - keep);
  const next = trades.slice(from);
  next.push(trade);
  return next;
}
