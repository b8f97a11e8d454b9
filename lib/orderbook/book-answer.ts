import 'server-only';
import { Body, type Answer } from '../http/answer';
import { refusalAnswer } from './order-gate';
import { orderbookEnabled } from './rate-limit';
import { bookJson } from './selectors';
import { orderbookStore } from './store';

/**
 * GET /orderbook for clients that do not ask for HTML: the book as JSON (404 with ORDERBOOK=off).
 * Made once per version of the orderbook: the edge keeps it (lib/edge/routes.ts).
 */
export async function bookAnswer(): Promise<Answer> {
  if (!orderbookEnabled()) return refusalAnswer({ status: 404, error: 'The orderbook demo is turned off on this server (ORDERBOOK=off)' });
  const store = orderbookStore();
  await store.ready;
  return { status: 200, headers: { 'content-type': 'application/json', 'cache-control': 'no-store', vary: 'Accept' }, body: Body.ofText(bookJson(store.snapshot())) };
}
