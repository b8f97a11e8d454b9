// The book as JSON for every client that does not ask for HTML (browsers are rewritten to
// /orderbook/live in next.config.mjs). Benchmarked against /healthz: it returns a string that is
// serialized once per store version and does nothing else.
import { cachedBookJson, orderbookStore } from '@/lib/orderbook/store';

export const dynamic = 'force-dynamic';

export async function GET() {
  const store = orderbookStore();
  await store.ready;
  return new Response(cachedBookJson(store), {
    headers: { 'content-type': 'application/json', 'cache-control': 'no-store', vary: 'Accept' },
  });
}
