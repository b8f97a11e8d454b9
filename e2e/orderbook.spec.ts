// The orderbook demo over HTTP: concurrent orders, strict input, restarts, and JSON vs HTML on /orderbook.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { get } from 'node:http';
import { join } from 'node:path';
import { expect, test, type APIRequestContext } from '@playwright/test';
import type { EnvelopeOf } from '../lib/eventstore/types';
import type { OrderbookEvent, Side } from '../lib/orderbook/events';
import { encodeInitState, INIT_FILE, parseInitState } from '../lib/orderbook/init-state';
import { createOrderbookEvolve } from '../lib/orderbook/reducer';
import { bookJson } from '../lib/orderbook/selectors';
import type { OrderbookState } from '../lib/orderbook/state';
import { startAppServer } from './support/app-server';

// The suite's shared server: this file is its only orderbook writer (its tests run in order, in one
// worker), so the log and the book can be compared exactly.
const sharedDir = process.env.E2E_EVENTS_DIR!;

const logText = (dir: string) => (existsSync(join(dir, 'orderbook.jsonl')) ? readFileSync(join(dir, 'orderbook.jsonl'), 'utf8') : '');
const readLog = (dir: string) =>
  logText(dir)
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as EnvelopeOf<OrderbookEvent>);

/** The rules applied to the init file and then the log, in log order: what GET /orderbook must say. */
function expectedBook(dir: string, depth = 100): { json: string; state: OrderbookState } {
  const init = parseInitState(readFileSync(join(dir, INIT_FILE), 'utf8'), { depth });
  const state = readLog(dir).reduce(createOrderbookEvolve({ depth }), init);
  return { json: bookJson(state), state };
}

/** A small seeded generator, so a failing run can be repeated from the seed in its annotations. */
function random(seed: number) {
  let s = seed >>> 0;
  return (min: number, max: number) => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return min + (s % (max - min + 1));
  };
}

type Order = { side: Side; user: number; price: number };

async function place(request: APIRequestContext, baseURL: string, orders: Order[]) {
  const responses = await Promise.all(
    // Connection: close, so a burst never reuses an idle socket of the previous one that the server
    // is closing at that moment (its keep-alive timeout): that race answers ECONNRESET, not the server.
    orders.map((o, i) =>
      request.fetch(`${baseURL}/${o.side}/${o.user}/${o.price}`, { method: i % 2 ? 'POST' : 'GET', headers: { connection: 'close' } }),
    ),
  );
  for (const res of responses) {
    expect(res.status()).toBe(200);
    expect(res.headers()['content-type']).toMatch(/^text\/plain/);
    expect(await res.text()).toBe('ok');
  }
}

const orderKey = (o: Order) => `${o.side}/${o.user}/${o.price}`;

test('concurrent orders from many clients all land, and the book is the rules applied to the log in log order', async ({ request, baseURL }) => {
  const seed = Date.now() % 1_000_000;
  test.info().annotations.push({ type: 'seed', description: String(seed) });
  const rnd = random(seed);
  const before = readLog(sharedDir).length;

  // Overlapping price bands: plenty of trades, ties and both sides busy.
  const orders: Order[] = Array.from({ length: 200 }, () => ({
    side: rnd(0, 1) ? 'buy' : 'sell',
    user: rnd(0, 49),
    price: rnd(100, 200),
  }));
  await place(request, baseURL!, orders);

  const log = readLog(sharedDir);
  expect(log).toHaveLength(before + 200);
  expect(log.map((e) => e.seq)).toEqual(log.map((_, i) => i + 1));
  expect(log.slice(before).map((e) => orderKey(e.data)).sort()).toEqual(orders.map(orderKey).sort());

  const res = await request.get('/orderbook');
  expect(res.headers()['content-type']).toBe('application/json');
  const expected = expectedBook(sharedDir);
  expect(await res.text()).toBe(expected.json);
  expect(expected.state.trades.length).toBeGreaterThan(0);

  // A burst of buys below every ask: nothing trades, and the bids stop at the cap of 100.
  const burst: Order[] = Array.from({ length: 130 }, () => ({ side: 'buy', user: rnd(0, 49), price: rnd(1, 99) }));
  await place(request, baseURL!, burst);
  const capped = await (await request.get('/orderbook')).text();
  expect(capped).toBe(expectedBook(sharedDir).json);
  expect(JSON.parse(capped).bids).toHaveLength(100);
});

test('every malformed user or price gets 400 naming the field, and appends nothing', async ({ request }) => {
  // Make sure the log exists, so "appends nothing" compares real bytes.
  expect(await (await request.post('/buy/1/50')).text()).toBe('ok');
  const logBefore = logText(sharedDir);
  const bookBefore = await (await request.get('/orderbook')).text();

  const badUsers = ['-1', '1.5', 'abc', '1e3', '+1', '01', '99999999999999999999'];
  const badPrices = ['0', '-1', '1.5', 'abc', '1e3', '1000000001', '+5', '007', '99999999999999999999'];
  const cases = [
    ...badUsers.map((user) => ({ path: `${user}/100`, field: 'user' })),
    ...badPrices.map((price) => ({ path: `7/${price}`, field: 'price' })),
  ];
  for (const side of ['buy', 'sell']) {
    for (const method of ['GET', 'POST']) {
      for (const { path, field } of cases) {
        const res = await request.fetch(`/${side}/${path}`, { method });
        expect(res.status(), `${method} /${side}/${path}`).toBe(400);
        const body = await res.json();
        expect(body.error, `${method} /${side}/${path}`).toEqual(expect.any(String));
        expect(Object.keys(body.fields), `${method} /${side}/${path}`).toEqual([field]);
      }
    }
  }

  expect(logText(sharedDir)).toBe(logBefore);
  expect(await (await request.get('/orderbook')).text()).toBe(bookBefore);
});

/** GET /orderbook with exactly these request headers (node:http adds no Accept of its own). */
function rawGet(url: string, headers: Record<string, string>): Promise<{ type: string; body: string }> {
  return new Promise((resolve, reject) => {
    get(url, { headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (d) => (body += d));
      res.on('end', () => resolve({ type: String(res.headers['content-type']), body }));
    }).on('error', reject);
  });
}

test('browsers get the HTML page with both sides; curl-style clients get JSON', async ({ page, request, baseURL }) => {
  // Far from every other price in this file: neither trades, so both sides are non-empty.
  await place(request, baseURL!, [
    { side: 'buy', user: 424242, price: 1 },
    { side: 'sell', user: 434343, price: 1_000_000_000 },
  ]);

  const expected = expectedBook(sharedDir).json;
  const curlish: Record<string, string>[] = [{}, { accept: '*/*' }, { accept: 'application/json' }, { 'user-agent': 'curl/8.5.0', accept: '*/*' }];
  for (const headers of curlish) {
    const res = await rawGet(`${baseURL}/orderbook`, headers);
    expect(res.type, JSON.stringify(headers)).toBe('application/json');
    expect(res.body).toBe(expected);
  }
  const book = JSON.parse(expected) as { bids: { user: number; price: number }[]; asks: { user: number; price: number }[] };
  expect(book.bids.length).toBeGreaterThan(0);
  expect(book.asks.length).toBeGreaterThan(0);

  const errors: string[] = [];
  const failed: string[] = [];
  page.on('pageerror', (err) => errors.push(err.message));
  page.on('console', (msg) => msg.type() === 'error' && !msg.text().startsWith('Failed to load resource') && errors.push(msg.text()));
  // (a missing favicon is the app's business, not this page's)
  page.on('response', (res) => res.status() >= 400 && !res.url().endsWith('/favicon.ico') && failed.push(`${res.status()} ${new URL(res.url()).pathname}`));
  const response = await page.goto('/orderbook');
  expect(response!.headers()['content-type']).toMatch(/^text\/html/);
  expect(new URL(page.url()).pathname).toBe('/orderbook');
  await expect(page.getByRole('heading', { level: 1, name: 'Orderbook' })).toBeVisible();

  const rows = (side: string) =>
    page.locator(`[data-side=${side}] tbody tr`).evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent)));
  const format = new Intl.NumberFormat('en-US');
  expect(await rows('bids')).toEqual(book.bids.map((o) => [format.format(o.price), `user ${o.user}`]));
  expect(await rows('asks')).toEqual(book.asks.map((o) => [format.format(o.price), `user ${o.user}`]));
  await expect(page.getByTestId('spread')).toHaveText(format.format(book.asks[0]!.price - book.bids[0]!.price));

  // The form: a bad price shows the server's field error and appends nothing; a good one lands.
  const logBefore = logText(sharedDir);
  await page.getByLabel('Side').selectOption('sell');
  await page.getByLabel('User').fill('515151');
  await page.getByLabel('Price').fill('0');
  await page.getByRole('button', { name: 'Place order' }).click();
  await expect(page.locator('#order-problem')).toContainText('price must be a whole number from 1 to 1000000000');
  expect(logText(sharedDir)).toBe(logBefore);

  await page.getByLabel('Price').fill('999999999');
  await Promise.all([page.waitForEvent('load'), page.getByRole('button', { name: 'Place order' }).click()]);
  await expect(page.locator('[data-side=asks] tbody tr', { hasText: 'user 515151' })).toHaveText('999,999,999user 515151');
  expect(readLog(sharedDir).at(-1)!.data).toEqual({ user: 515151, side: 'sell', price: 999_999_999 });
  expect(errors).toEqual([]);
  expect(failed).toEqual(['400 /sell/515151/0']);
});

test('a restart keeps the book; the init file is written once and read at later boots', async ({ request }) => {
  test.setTimeout(90_000);
  // 40 orders at once from one address: more than the default per-client burst (the limit has its own tests).
  const server = await startAppServer({ ORDERBOOK_DEPTH: '5', ORDERBOOK_RATE_LIMIT: '0', ORDERBOOK_GLOBAL_RATE_LIMIT: '0' });
  try {
    const rnd = random(7);
    // Buys below sells: nothing trades, both sides fill past the cap of 5.
    const orders: Order[] = Array.from({ length: 40 }, (_, i) =>
      i % 2 ? { side: 'buy', user: rnd(0, 9), price: rnd(100, 150) } : { side: 'sell', user: rnd(0, 9), price: rnd(151, 200) },
    );
    await place(request, server.url, orders);
    const initFile = join(server.eventsDir, INIT_FILE);
    const initText = readFileSync(initFile, 'utf8');
    const before = await (await request.get(`${server.url}/orderbook`)).text();
    expect(before).toBe(expectedBook(server.eventsDir, 5).json);
    expect(JSON.parse(before).bids).toHaveLength(5);

    await server.restart();
    expect(await (await request.get(`${server.url}/orderbook`)).text()).toBe(before);
    expect(readFileSync(initFile, 'utf8')).toBe(initText);

    // Edit the initial state while the server is down: the next boot builds on the edited file.
    await server.stop();
    const edited: OrderbookState = { bids: [{ user: 777, price: 150 }], asks: [], trades: [] };
    writeFileSync(initFile, encodeInitState(edited));
    await server.restart();
    const after = await (await request.get(`${server.url}/orderbook`)).text();
    expect(after).toBe(expectedBook(server.eventsDir, 5).json);
    expect(JSON.parse(after).bids[0]).toEqual({ user: 777, price: 150 });
    expect(readFileSync(initFile, 'utf8')).toBe(encodeInitState(edited));
  } finally {
    await server.stop();
  }
});
