import { describe, expect, it } from 'vitest';
import type { Envelope } from '../eventstore';
import { describeOrderbookEvent, matchOf, tradesOf, type OrderPlaced } from './describe-event';

const order = (seq: number, data: OrderPlaced): Envelope<string, OrderPlaced> => ({ seq, id: `o${seq}`, type: 'OrderPlaced', at: '2026-11-23T08:00:00.000Z', data });

describe('describeOrderbookEvent', () => {
  it('describes an order that rests on the book', () => {
    expect(describeOrderbookEvent(order(1, { user: 7, side: 'buy', price: 100 }))).toBe('order buy 7 @ 100');
  });

  it('describes the resting order a buy matched, from the trade its event recorded', () => {
    const buy = order(5, { user: 7, side: 'buy', price: 100 });
    const trades = [{ seq: 2, price: 90, buyer: 1, seller: 2 }, { seq: 5, price: 98, buyer: 7, seller: 3 }];
    expect(describeOrderbookEvent(buy, matchOf(buy, trades))).toBe('order buy 7 @ 100, matched sell 3 @ 98');
  });

  it('describes the resting order a sell matched', () => {
    const sell = order(9, { user: 4, side: 'sell', price: 95 });
    expect(describeOrderbookEvent(sell, matchOf(sell, [{ seq: 9, price: 97, buyer: 8, seller: 4 }]))).toBe('order sell 4 @ 95, matched buy 8 @ 97');
  });

  it('finds no match when the latest trade came from an earlier order', () => {
    const buy = order(6, { user: 7, side: 'buy', price: 100 });
    expect(matchOf(buy, [{ seq: 5, price: 98, buyer: 1, seller: 3 }])).toBeUndefined();
    expect(matchOf(buy, [])).toBeUndefined();
  });

  it('reads trades from any state shape, and falls back to the raw data for other event types', () => {
    expect(tradesOf({ bids: [], asks: [], trades: [{ seq: 1, price: 2 }] })).toEqual([{ seq: 1, price: 2 }]);
    expect(tradesOf(undefined)).toEqual([]);
    expect(describeOrderbookEvent({ seq: 1, id: 'a', type: 'BookCleared', at: '2026-11-23T08:00:00.000Z', data: { why: 'test' } })).toBe('BookCleared {"why":"test"}');
  });
});
