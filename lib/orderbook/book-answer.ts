import 'server-only';
import type { Answer } from '../http/answer';
import { refusalAnswer } from './order-gate';
import { orderbookEnabled } from './rate-limit';
import { cachedBookJson, orderbookStore } from './store';

/** GET /orderbook for clients that do not ask for HTML: the book serialized once per version (404 with ORDERBOOK=off). */
export async function bookAnswer(): Promise<Answer> {
  if (!orderbookEnabled()) return refusalAnswer({ status: 404, error: 'The orderbook demo is turned off on this server (ORDERBOOK=off)' });
  const store = orderbookStore();
  await store.ready;
  return { status: 200, headers: { 'content-type': 'application/json', 'cache-control': 'no-store', vary: 'Accept' }, body: cachedBookJson(store) };
}
