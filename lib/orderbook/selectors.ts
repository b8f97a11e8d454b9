import type { Order, OrderbookState, Trade } from './state';

/**
 * The public book, exactly `{"bids":[{"user":1,"price":100}],"asks":[...]}`, best first.
 * Orders in the state hold only `user` and `price` (in that order), so they serialize as they are.
 */
export function bookJson(state: OrderbookState): string {
  return JSON.stringify({ bids: state.bids, asks: state.asks });
}

export const bestBid = (state: OrderbookState): Order | undefined => state.bids[0];
export const bestAsk = (state: OrderbookState): Order | undefined => state.asks[0];

/** Best ask minus best bid; null while either side is empty. */
export function spread(state: OrderbookState): number | null {
  const bid = bestBid(state);
  const ask = bestAsk(state);
  return bid && ask ? ask.price - bid.price : null;
}

/** The recorded trades, newest first. */
export function recentTrades(state: OrderbookState, limit = state.trades.length): Trade[] {
  return state.trades.slice(Math.max(0, state.trades.length - limit)).reverse();
}
