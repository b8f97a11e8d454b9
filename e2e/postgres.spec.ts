// Shelf on PostgreSQL, in a browser: two production servers on one database (a live page on one
// shows an order placed on the other), and the database going away under one of them (reads
// served, writes 503 JSON, /healthz 503, then reconnect and catch up). Needs a PostgreSQL server
// (TEST_DATABASE_URL); without one these are skipped with the reason, except in CI where that fails.
import { expect, test } from '@playwright/test';
import { testServer, type TestServer } from '../lib/eventstore/postgres/testing/database';
import { startProxy, type Proxy } from '../lib/eventstore/postgres/testing/proxy';
import { startAppServer, type AppServer } from './support/app-server';

let db: TestServer;
let direct: AppServer;
let behindProxy: AppServer;
let proxy: Proxy;

test.beforeAll(async () => {
  db = await testServer();
  if (db.skip) return;
  const url = await db.createDatabase();
  proxy = await startProxy(url);
  direct = await startAppServer({ DATABASE_URL: url });
  behindProxy = await startAppServer({ DATABASE_URL: proxy.url });
});
test.afterAll(async () => {
  await direct?.stop();
  await behindProxy?.stop();
  await proxy?.close();
  await db?.dropAll();
});
// Without a PostgreSQL server (outside CI only: testServer() throws in CI) each test is skipped, saying why.
test.beforeEach(() => test.skip(db.skip !== undefined, db.skip));

test('a live page on one instance shows an order placed on the other', async ({ page, request }) => {
  await page.goto(`${behindProxy.url}/orderbook`);
  await expect(page.getByRole('heading', { name: 'Orderbook', level: 1 })).toBeVisible();
  await expect(page.getByTestId('best-bid')).toHaveText('–');
  expect(await (await request.post(`${direct.url}/buy/7/120`)).text()).toBe('ok');
  // The other instance hears of it by NOTIFY; generous on a busy machine.
  await expect(page.getByTestId('best-bid')).toHaveText('120', { timeout: 10_000 });
});

test('with the database away: reads served, writes and /healthz 503 JSON; then it catches up by itself', async ({ request }) => {
  await proxy.cut();
  const write = await request.post(`${behindProxy.url}/buy/8/130`);
  expect(write.status()).toBe(503);
  expect((await write.json()).error).toMatch(/database .* does not answer/);
  const health = await request.get(`${behindProxy.url}/healthz`);
  expect(health.status()).toBe(503);
  expect((await health.json()).error).toMatch(/does not answer/);
  const book = await request.get(`${behindProxy.url}/orderbook`, { headers: { accept: 'application/json' } });
  expect(book.status()).toBe(200);
  expect((await book.json()).bids.map((o: { price: number }) => o.price)).not.toContain(130);
  // The other instance keeps writing meanwhile.
  expect(await (await request.post(`${direct.url}/buy/9/140`)).text()).toBe('ok');

  await proxy.restore();
  await expect.poll(async () => (await request.get(`${behindProxy.url}/healthz`)).status(), { timeout: 15_000 }).toBe(200);
  // Caught up by the next poll (POLL_MS) or the listener's reconnect; generous on a busy machine.
  await expect
    .poll(async () => (await (await request.get(`${behindProxy.url}/orderbook`, { headers: { accept: 'application/json' } })).json()).bids[0]?.price, { timeout: 15_000 })
    .toBe(140);
  expect(await (await request.post(`${behindProxy.url}/buy/8/130`)).text()).toBe('ok');
});

test('an unreachable database at start stops the server with the host and what to check', async () => {
  const failed = startAppServer({ DATABASE_URL: 'postgres://shelf:shelf@127.0.0.1:1/shelf' });
  await expect(failed).rejects.toThrow(/cannot reach PostgreSQL at 127\.0\.0\.1:1\/shelf \(DATABASE_URL\).*Check that the server is running/);
});
