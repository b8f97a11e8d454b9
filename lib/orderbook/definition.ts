import { orderbookDepth } from '../config/env';
import { defineStore } from '../eventstore/define-store';
import { describeOrderbookEvent, matchOf } from './describe-event';
import { orderbookEventSchema } from './events';
import { bestAsk, bestBid } from './selectors';
import { orderbookEnabled } from './rate-limit';
import { ORDERBOOK, orderbookRules } from './rules';

/** The public demo: anonymous one-unit orders matched into a book (DESIGN.md, "Orderbook rules"). */
export const orderbookDefinition = defineStore({
  name: ORDERBOOK,
  label: 'Orderbook',
  title: 'the orderbook',
  schema: orderbookEventSchema,
  eventTypes: orderbookEventSchema.options.map((o) => o.shape.type.value),
  // ORDERBOOK_DEPTH is part of the rules: the log is replayed with it.
  rules: (dir) => orderbookRules({ dir, depth: orderbookDepth() }),
  summarize: (state) => [
    `${state.bids.length} bids (best ${bestBid(state)?.price ?? '-'}), ${state.asks.length} asks (best ${bestAsk(state)?.price ?? '-'})`,
    `${state.trades.length} recent trades kept`,
  ],
  describe: (event, _before, after) => ({ text: describeOrderbookEvent(event, matchOf(event, after.trades)) }),
  // ORDERBOOK=off turns the demo's routes and its live stream off.
  publicOn: () => orderbookEnabled(),
});
