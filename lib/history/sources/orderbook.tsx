import 'server-only';
import { BookView } from '@/app/orderbook/live/BookView';
import { orderbookDefinition } from '../../stores/orderbook';
import { historySource } from './source';

export const orderbookHistory = historySource(orderbookDefinition, (state) => (
  <div data-testid="past-book">
    <h2 id="past-heading">The orderbook, as it was then</h2>
    <BookView state={state} />
  </div>
));
