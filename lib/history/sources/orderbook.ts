import 'server-only';
import { getStore } from '../../eventstore';
import { describeOrderbookEvent, matchOf, tradesOf, type OrderPlaced } from '../describe-orderbook';
import type { AnyStore, HistorySource } from './types';

/**
 * The orderbook's log, from the process-wide store named `orderbook` once `bootStores()` created
 * it; until the orderbook is part of the server, `open` finds none and the page says so.
 */
export const orderbookHistory: HistorySource = {
  name: 'orderbook',
  label: 'Orderbook',
  eventTypes: ['OrderPlaced'],
  async open() {
    let store: AnyStore;
    try {
      store = getStore('orderbook');
    } catch {
      return undefined;
    }
    await store.ready;
    return store;
  },
  describe(event, _before, after) {
    const match = event.type === 'OrderPlaced' ? matchOf(event as typeof event & { data: OrderPlaced }, tradesOf(after)) : undefined;
    return { text: describeOrderbookEvent(event, match) };
  },
  timeTravel: true,
};
