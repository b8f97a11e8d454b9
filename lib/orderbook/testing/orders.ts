// Helpers for the orderbook's tests: envelopes without a store, and folding them.
import type { EnvelopeOf } from '../../eventstore/types';
import type { OrderbookEvent, Side } from '../events';
import { createOrderbookEvolve, type OrderbookRules } from '../reducer';
import { EMPTY_ORDERBOOK, type OrderbookState } from '../state';

export type OrderEnvelope = EnvelopeOf<OrderbookEvent>;

export const atOf = (seq: number) => new Date(Date.UTC(2026, 10, 23, 8, 0, seq)).toISOString();

export function placed(seq: number, side: Side, user: number, price: number): OrderEnvelope {
  return { seq, id: `id-${seq}`, type: 'OrderPlaced', at: atOf(seq), data: { user, side, price } };
}

/** Envelopes for `[side, user, price]` triples, numbered from `firstSeq`. */
export function orders(list: readonly (readonly [Side, number, number])[], firstSeq = 1): OrderEnvelope[] {
  return list.map(([side, user, price], i) => placed(firstSeq + i, side, user, price));
}

export function fold(events: readonly OrderEnvelope[], rules: OrderbookRules, init: OrderbookState = EMPTY_ORDERBOOK): OrderbookState {
  const reducer = createOrderbookEvolve(rules);
  return events.reduce(reducer, init);
}
