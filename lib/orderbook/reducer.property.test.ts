import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Side } from './events';
import { createOrderbookEvolve } from './reducer';
import { EMPTY_ORDERBOOK, TRADE_HISTORY, type OrderbookState } from './state';
import { placed } from './testing/orders';

/**
 * A second, deliberately naive reading of DESIGN.md's rules: whole arrays, re-sorted after every
 * step by (price, arrival), the new order looked up by identity, caps applied by sorting again.
 */
class ModelBook {
  private bids: { user: number; price: number; t: number }[] = [];
  private asks: { user: number; price: number; t: number }[] = [];
  private trades: { buyer: number; seller: number; price: number; seq: number; at: string }[] = [];
  private t = 0;

  constructor(private readonly depth: number) {}

  place(seq: number, at: string, side: Side, user: number, price: number): void {
    const order = { user, price, t: this.t++ };
    (side === 'buy' ? this.bids : this.asks).push(order);
    this.sort();
    const bid = this.bids[0];
    const ask = this.asks[0];
    if (bid && ask && bid.price >= ask.price) {
      const resting = side === 'buy' ? ask : bid;
      this.bids = this.bids.filter((o) => o !== order && o !== resting);
      this.asks = this.asks.filter((o) => o !== order && o !== resting);
      this.trades.push({
        buyer: side === 'buy' ? user : resting.user,
        seller: side === 'buy' ? resting.user : user,
        price: resting.price,
        seq,
        at,
      });
      if (this.trades.length > TRADE_HISTORY) this.trades.shift();
    }
    while (this.bids.length > this.depth) this.bids.pop();
    while (this.asks.length > this.depth) this.asks.pop();
  }

  private sort(): void {
    this.bids.sort((a, b) => b.price - a.price || a.t - b.t);
    this.asks.sort((a, b) => a.price - b.price || a.t - b.t);
  }

  state(): OrderbookState {
    const strip = (o: { user: number; price: number }) => ({ user: o.user, price: o.price });
    return { bids: this.bids.map(strip), asks: this.asks.map(strip), trades: this.trades.map((t) => ({ ...t })) };
  }
}

type Step = { side: Side; user: number; price: number };

/** Runs both, comparing the whole state after every order; returns the first step that differs. */
function compare(steps: readonly Step[], depth: number): { step: number; ours: OrderbookState; model: OrderbookState } | null {
  const reducer = createOrderbookEvolve({ depth });
  const model = new ModelBook(depth);
  let state = EMPTY_ORDERBOOK;
  for (let i = 0; i < steps.length; i++) {
    const { side, user, price } = steps[i]!;
    const event = placed(i + 1, side, user, price);
    state = reducer(state, event);
    model.place(event.seq, event.at, side, user, price);
    const expected = model.state();
    if (JSON.stringify(state) !== JSON.stringify(expected)) return { step: i + 1, ours: state, model: expected };
  }
  return null;
}

// Narrow price bands make ties, crossings and full sides common.
const step = (maxPrice: number, users: number) =>
  fc.record({
    side: fc.constantFrom<Side>('buy', 'sell'),
    user: fc.integer({ min: 0, max: users }),
    price: fc.integer({ min: 1, max: maxPrice }),
  });

describe('the reducer agrees with a naive model of the rules', () => {
  it('on short books with many ties (small depth, few prices)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 6 }), fc.array(step(12, 5), { minLength: 1, maxLength: 400 }), (depth, steps) => {
        expect(compare(steps, depth)).toBeNull();
      }),
      { numRuns: 300 },
    );
  });

  it('on thousands of orders at the default depth of 100', () => {
    fc.assert(
      fc.property(fc.array(step(300, 50), { minLength: 1000, maxLength: 5000 }), (steps) => {
        expect(compare(steps, 100)).toBeNull();
      }),
      { numRuns: 20 },
    );
  });

  it('on one-sided drifts that keep both sides at the cap', () => {
    // Buys mostly low, sells mostly high: few trades, so the caps do most of the work.
    const drift = fc.oneof(
      fc.record({ side: fc.constant<Side>('buy'), user: fc.nat(20), price: fc.integer({ min: 1, max: 60 }) }),
      fc.record({ side: fc.constant<Side>('sell'), user: fc.nat(20), price: fc.integer({ min: 40, max: 100 }) }),
    );
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 30 }), fc.array(drift, { minLength: 500, maxLength: 3000 }), (depth, steps) => {
        expect(compare(steps, depth)).toBeNull();
      }),
      { numRuns: 30 },
    );
  });
});
