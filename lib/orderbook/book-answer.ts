import 'server-only';
import type { Answer } from '../http/answer';
import { cachedBookJson, orderbookStore } from './store';

/** GET /orderbook for clients that do not ask for HTML: the book serialized once per version. */
export async function bookAnswer(): Promise<Answer> {
  const store = orderbookStore();
  await store.ready;
  return { status: 200, headers: { 'content-type': 'application/json', 'cache-control': 'no-store', vary: 'Accept' }, body: cachedBookJson(store) };
}
