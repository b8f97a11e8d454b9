/** A resting order: one unit. Its age is its position among orders of the same price. */
export interface Order {
  readonly user: number;
  readonly price: number;
}

/** A match: the new order met the best resting order on the other side, at the resting order's price. */
export interface Trade {
  readonly buyer: number;
  readonly seller: number;
  readonly price: number;
  /** The event (the incoming order) that caused the trade. */
  readonly seq: number;
  readonly at: string;
}

export interface OrderbookState {
  /** Highest price first; equal prices oldest first. */
  readonly bids: readonly Order[];
  /** Lowest price first; equal prices oldest first. */
  readonly asks: readonly Order[];
  /** The most recent trades, oldest first (at most TRADE_HISTORY). */
  readonly trades: readonly Trade[];
}

export const DEFAULT_DEPTH = 100;
export const TRADE_HISTORY = 50;

export const EMPTY_ORDERBOOK: OrderbookState = { bids: [], asks: [], trades: [] };
