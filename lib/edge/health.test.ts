import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { GET } from '@/app/healthz/route';
import { StoreUnavailableError } from '@/lib/eventstore';
import { openStore } from '@/lib/eventstore/open-store';
import { tempDir } from '@/lib/eventstore/testing/counter';
import { orderbookDefinition } from '@/lib/orderbook/definition';
import { createEdge } from './handle';

// The edge answers /healthz itself: it must give the same 503 as Next's route while a store refuses writes.
describe('GET /healthz through the edge', () => {
  let server: Server | undefined;
  afterAll(async () => {
    server?.close();
    await openStore(orderbookDefinition).close();
    delete process.env.MIN_FREE_BYTES;
  });

  it("is the same as Next's route: ok, then 503 JSON naming the store while it refuses writes", async () => {
    process.env.EVENTS_DIR = tempDir();
    const edge = createEdge({ next: (_req, res) => void res.writeHead(599).end() });
    server = createServer(edge.handle);
    await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/healthz`;
    const ok = await fetch(url);
    expect(ok.status).toBe(200);
    expect(await ok.text()).toBe('ok');

    process.env.MIN_FREE_BYTES = String(Number.MAX_SAFE_INTEGER); // a floor no disk meets
    const orderbook = openStore(orderbookDefinition);
    await orderbook.ready;
    await expect(orderbook.dispatch({ type: 'OrderPlaced', data: { user: 1, side: 'buy', price: 5 } })).rejects.toBeInstanceOf(StoreUnavailableError);

    const edgeAnswer = await fetch(url);
    const next = GET();
    expect(edgeAnswer.status).toBe(503);
    expect(next.status).toBe(503);
    expect(edgeAnswer.headers.get('content-type')).toBe(next.headers.get('content-type'));
    expect(edgeAnswer.headers.get('cache-control')).toBe('no-store');
    const body = await edgeAnswer.json();
    expect(body).toEqual(await next.json());
    expect(body).toEqual({ error: expect.stringMatching(/^refusing writes: .*store orderbook/), stores: [{ store: 'orderbook', reason: expect.any(String) }] });
  });
});
