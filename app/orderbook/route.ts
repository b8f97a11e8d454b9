// The book as JSON for every client that does not ask for HTML (browsers are rewritten to
// /orderbook/live in next.config.mjs). Benchmarked against /healthz: it returns a string that is
// serialized once per store version and does nothing else.
import { refusalResponse } from '@/lib/orderbook/order-gate';
import { orderbookEnabled } from '@/lib/orderbook/rate-limit';
import { cachedBookJson, orderbookStore } from '@/lib/orderbook/store';

export const dynamic = 'force-dynamic';

export async function GET() {
  if (!orderbookEnabled()) return refusalResponse({ status: 404, error: 'The orderbook demo is turned off on this server (ORDERBOOK=off)' });
  const store = orderbookStore();
  await store.ready;
  return new Response(cachedBookJson(store), {
    headers: { 'content-type': 'application/json', 'cache-control': 'no-store', vary: 'Accept' },
  });
}
