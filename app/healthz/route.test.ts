import { afterAll, describe, expect, it } from 'vitest';
import { StoreUnavailableError } from '@/lib/eventstore';
import { tempDir } from '@/lib/eventstore/testing/counter';
import { openStore } from '@/lib/eventstore/open-store';
import { mediaDefinition } from '@/lib/media/definition';
import { orderbookDefinition } from '@/lib/orderbook/definition';
import { placeOrderHandler } from '@/lib/orderbook/place-order';
import { GET } from './route';

describe('GET /healthz', () => {
  afterAll(async () => {
    await openStore(mediaDefinition).close();
    await openStore(orderbookDefinition).close();
    delete process.env.MIN_FREE_BYTES;
  });

  it('says ok while every store takes writes, and 503 with the reason as JSON while one refuses them', async () => {
    process.env.EVENTS_DIR = tempDir();
    await openStore(mediaDefinition).ready;
    expect(GET().status).toBe(200);

    // The orderbook's disk is "full": a floor no disk meets.
    process.env.MIN_FREE_BYTES = String(Number.MAX_SAFE_INTEGER);
    const orderbook = openStore(orderbookDefinition);
    await orderbook.ready;
    await expect(orderbook.dispatch({ type: 'OrderPlaced', data: { user: 1, side: 'buy', price: 5 } })).rejects.toBeInstanceOf(StoreUnavailableError);
    const response = GET();
    expect(response.status).toBe(503);
    expect(response.headers.get('content-type')).toMatch(/application\/json/);
    const body = await response.json();

    // And the write route answers 503 with the same reason, as JSON.
    const buy = await placeOrderHandler('buy')(new Request('http://shelf.test/buy/1/5', { method: 'POST' }), { params: Promise.resolve({ user: '1', price: '5' }) });
    expect(buy.status).toBe(503);
    expect(await buy.json()).toEqual({ error: expect.stringMatching(/under the floor of .* \(MIN_FREE_BYTES\)/) });
    expect(body).toEqual({ error: expect.stringMatching(/^refusing writes: .*store orderbook: only .* free, under the floor/), stores: [{ store: 'orderbook', reason: expect.any(String) }] });
  });
});
