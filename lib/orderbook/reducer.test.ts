import { describe, expect, it } from 'vitest';
import { createOrderbookEvolve, insertOrder } from './reducer';
import { bookJson, recentTrades, spread } from './selectors';
import { EMPTY_ORDERBOOK, type OrderbookState } from './state';
import { atOf, fold, orders, placed } from './testing/orders';

const book = (state: OrderbookState) => ({
  bids: state.bids.map((o) => `${o.price}:${o.user}`),
  asks: state.asks.map((o) => `${o.price}:${o.user}`),
});

describe('resting orders', () => {
  it('lists bids highest price first and asks lowest first, equal prices oldest first', () => {
    const state = fold(
      orders([
        ['buy', 1, 100], ['buy', 2, 120], ['buy', 3, 100], ['buy', 4, 90], ['buy', 5, 120],
        ['sell', 6, 200], ['sell', 7, 180], ['sell', 8, 200], ['sell', 9, 250], ['sell', 10, 180],
      ]),
      { depth: 100 },
    );
    expect(book(state)).toEqual({
      bids: ['120:2', '120:5', '100:1', '100:3', '90:4'],
      asks: ['180:7', '180:10', '200:6', '200:8', '250:9'],
    });
    expect(state.trades).toEqual([]);
    expect(spread(state)).toBe(60);
  });

  it('inserts after every order at least as good, by binary search', () => {
    const bids = [120, 120, 100, 100, 90].map((price, user) => ({ user, price }));
    expect(insertOrder(bids, { user: 9, price: 100 }, true).map((o) => o.user)).toEqual([0, 1, 2, 3, 9, 4]);
    expect(insertOrder(bids, { user: 9, price: 130 }, true).map((o) => o.user)).toEqual([9, 0, 1, 2, 3, 4]);
    expect(insertOrder(bids, { user: 9, price: 80 }, true).map((o) => o.user)).toEqual([0, 1, 2, 3, 4, 9]);
    const asks = [90, 100, 100, 120].map((price, user) => ({ user, price }));
    expect(insertOrder(asks, { user: 9, price: 100 }, false).map((o) => o.user)).toEqual([0, 1, 2, 9, 3]);
    expect(insertOrder([], { user: 9, price: 5 }, false)).toEqual([{ user: 9, price: 5 }]);
  });
});

describe('matching', () => {
  it('trades a crossing buy at the resting ask price, recording buyer, seller and the event', () => {
    const state = fold(orders([['sell', 1, 100], ['sell', 2, 110], ['buy', 3, 150]]), { depth: 100 });
    expect(state.trades).toEqual([{ buyer: 3, seller: 1, price: 100, seq: 3, at: atOf(3) }]);
    expect(book(state)).toEqual({ bids: [], asks: ['110:2'] }); // one unit: the buy is used up
  });

  it('trades a crossing sell at the resting bid price', () => {
    const state = fold(orders([['buy', 1, 120], ['buy', 2, 119], ['sell', 3, 90]]), { depth: 100 });
    expect(state.trades).toEqual([{ buyer: 1, seller: 3, price: 120, seq: 3, at: atOf(3) }]);
    expect(book(state)).toEqual({ bids: ['119:2'], asks: [] });
  });

  it('trades when the prices are equal, and not when the buy is one below', () => {
    expect(fold(orders([['sell', 1, 100], ['buy', 2, 100]]), { depth: 100 }).trades).toHaveLength(1);
    const apart = fold(orders([['sell', 1, 100], ['buy', 2, 99]]), { depth: 100 });
    expect(apart.trades).toEqual([]);
    expect(book(apart)).toEqual({ bids: ['99:2'], asks: ['100:1'] });
  });

  it('takes the oldest resting order among equals first', () => {
    const state = fold(
      orders([['sell', 1, 100], ['sell', 2, 100], ['sell', 3, 100], ['buy', 8, 105], ['buy', 9, 100]]),
      { depth: 100 },
    );
    expect(state.trades.map((t) => [t.buyer, t.seller])).toEqual([[8, 1], [9, 2]]);
    expect(book(state).asks).toEqual(['100:3']);
  });

  it('matches only the best resting order, even when the new order crosses several', () => {
    const state = fold(orders([['buy', 1, 50], ['buy', 2, 60], ['buy', 3, 70], ['sell', 4, 10]]), { depth: 100 });
    expect(state.trades.map((t) => t.price)).toEqual([70]);
    expect(book(state)).toEqual({ bids: ['60:2', '50:1'], asks: [] });
  });
});

describe('the cap on each side', () => {
  it('drops the worst-priced bid, or the new order itself when it is the worst', () => {
    const rules = { depth: 3 };
    const full = orders([['buy', 1, 10], ['buy', 2, 20], ['buy', 3, 30]]);
    expect(book(fold([...full, placed(4, 'buy', 4, 25)], rules)).bids).toEqual(['30:3', '25:4', '20:2']);
    expect(book(fold([...full, placed(4, 'buy', 4, 5)], rules)).bids).toEqual(['30:3', '20:2', '10:1']);
  });

  it('drops the newest among equally worst-priced orders', () => {
    const rules = { depth: 3 };
    const tie = orders([['buy', 1, 10], ['buy', 2, 10], ['buy', 3, 30]]);
    expect(book(fold([...tie, placed(4, 'buy', 4, 20)], rules)).bids).toEqual(['30:3', '20:4', '10:1']);
    expect(book(fold([...tie, placed(4, 'buy', 4, 10)], rules)).bids).toEqual(['30:3', '10:1', '10:2']);
    const asks = orders([['sell', 1, 90], ['sell', 2, 90], ['sell', 3, 50], ['sell', 4, 60]]);
    expect(book(fold(asks, rules)).asks).toEqual(['50:3', '60:4', '90:1']);
  });

  it('does not drop anything for an order that trades instead of resting', () => {
    const state = fold(orders([['buy', 1, 40], ['buy', 2, 50], ['sell', 3, 60], ['buy', 4, 70]]), { depth: 2 });
    expect(book(state)).toEqual({ bids: ['50:2', '40:1'], asks: [] });
    expect(state.trades).toHaveLength(1);
  });

  it('holds exactly `depth` orders per side under a long one-sided burst', () => {
    const burst = Array.from({ length: 250 }, (_, i) => placed(i + 1, i % 2 ? 'buy' : 'sell', i, i % 2 ? 1 + (i % 97) : 500 + (i % 89)));
    const state = fold(burst, { depth: 100 });
    expect(state.bids).toHaveLength(100);
    expect(state.asks).toHaveLength(100);
  });
});

describe('trades', () => {
  it('keeps the last 50 trades, oldest first in the state and newest first from recentTrades', () => {
    const pairs = Array.from({ length: 60 }, (_, i) => [placed(2 * i + 1, 'sell', i, 100), placed(2 * i + 2, 'buy', 1000 + i, 100)]).flat();
    const state = fold(pairs, { depth: 100 });
    expect(state.trades).toHaveLength(50);
    expect(state.trades[0]).toMatchObject({ seller: 10, buyer: 1010, seq: 22 });
    expect(state.trades.at(-1)).toMatchObject({ seller: 59, buyer: 1059, seq: 120 });
    expect(recentTrades(state).map((t) => t.seq)).toEqual(state.trades.map((t) => t.seq).reverse());
    expect(recentTrades(state, 3).map((t) => t.seq)).toEqual([120, 118, 116]);
  });

  it('keeps a configurable number of trades', () => {
    const pairs = orders([['sell', 1, 5], ['buy', 2, 5], ['sell', 3, 5], ['buy', 4, 5], ['sell', 5, 5], ['buy', 6, 5]]);
    expect(fold(pairs, { depth: 10, tradeHistory: 2 }).trades.map((t) => t.seq)).toEqual([4, 6]);
  });
});

describe('purity', () => {
  it('never mutates the previous state and shares the side it did not change', () => {
    const reducer = createOrderbookEvolve({ depth: 2 });
    let state: OrderbookState = EMPTY_ORDERBOOK;
    const seen: { state: OrderbookState; json: string }[] = [];
    const events = orders([['buy', 1, 10], ['sell', 2, 20], ['buy', 3, 15], ['buy', 4, 12], ['sell', 5, 15], ['sell', 6, 1]]);
    for (const event of events) {
      const frozen = deepFreeze(state);
      seen.push({ state: frozen, json: JSON.stringify(frozen) });
      const next = reducer(frozen, event);
      expect(next).not.toBe(frozen);
      if (event.data.side === 'buy' && next.trades === frozen.trades) expect(next.asks).toBe(frozen.asks);
      if (event.data.side === 'sell' && next.trades === frozen.trades) expect(next.bids).toBe(frozen.bids);
      state = next;
    }
    for (const s of seen) expect(JSON.stringify(s.state)).toBe(s.json);
  });

  it('refuses a depth below 1', () => {
    expect(() => createOrderbookEvolve({ depth: 0 })).toThrow(RangeError);
    expect(() => createOrderbookEvolve({ depth: 1.5 })).toThrow(RangeError);
  });
});

describe('bookJson', () => {
  it('is exactly {"bids":[{"user","price"}],"asks":[...]}, best first', () => {
    const state = fold(orders([['buy', 1, 100], ['buy', 2, 101], ['sell', 3, 200]]), { depth: 100 });
    expect(bookJson(state)).toBe('{"bids":[{"user":2,"price":101},{"user":1,"price":100}],"asks":[{"user":3,"price":200}]}');
    expect(bookJson(EMPTY_ORDERBOOK)).toBe('{"bids":[],"asks":[]}');
    expect(spread(EMPTY_ORDERBOOK)).toBeNull();
  });
});

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}
