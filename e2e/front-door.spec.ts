import { gunzipSync } from 'node:zlib';
import { expect, test } from '@playwright/test';
import { adminToken, logEntry, uniqueTitle } from './support/api';
import { startAppServer, type AppServer } from './support/app-server';
import { rawRequest, type RawResponse } from './support/raw-get';

// The edge (lib/edge) answers the hot routes itself; on a server started with SHELF_EDGE_PARITY=1
// (tests only), `x-shelf-parity: next` sends the same request to Next's route handler instead.
// Both must give the same answer, from the same stores. Own server: the test writes orders and entries.
let server: AppServer;
test.beforeAll(async () => {
  // Unthrottled: both paths share one per-client order limiter, which would otherwise answer 429 to either.
  server = await startAppServer({ ORDERBOOK_RATE_LIMIT: '0', ORDERBOOK_GLOBAL_RATE_LIMIT: '0', SHELF_EDGE_PARITY: '1' });
});
test.afterAll(async () => {
  await server?.stop();
});

/** What a client can tell apart: status, the decoded body, and every header that is not per transfer. */
function view(response: RawResponse) {
  const { headers } = response;
  const body = headers['content-encoding'] === 'gzip' ? gunzipSync(response.body) : response.body;
  const kept = Object.entries(headers)
    .filter(([name]) => !['date', 'connection', 'keep-alive', 'transfer-encoding', 'content-length'].includes(name))
    .map(([name, value]) => [name, name === 'vary' ? String(value).toLowerCase() : value]);
  return { status: response.status, body: body.toString(), headers: Object.fromEntries(kept.sort()) };
}

const THROUGH_NEXT = { 'x-shelf-parity': 'next' };
const gzip = { 'accept-encoding': 'gzip, deflate, br' };

async function both(path: string, options: { method?: string; headers?: Record<string, string> } = {}) {
  const front = await rawRequest(server.url + path, options);
  const next = await rawRequest(server.url + path, { ...options, headers: { ...options.headers, ...THROUGH_NEXT } });
  return { front, next };
}

/** Same answer both ways, and the front door's was its own (Next streams its route answers chunked). */
async function expectSame(path: string, options: { method?: string; headers?: Record<string, string> } = {}) {
  const { front, next } = await both(path, options);
  expect(view(front), `${options.method ?? 'GET'} ${path}`).toEqual(view(next));
  if (options.method !== 'HEAD' && front.status !== 304) {
    expect(front.headers['transfer-encoding'], `${path}: answered by the front door`).toBeUndefined();
    expect(next.headers['transfer-encoding'], `${path}: answered by Next`).toBe('chunked');
  }
  return view(front);
}

test('the hot routes give the same status, body and headers through the front door as through Next', async ({ request }) => {
  for (const headers of [{}, gzip]) {
    expect((await expectSame('/healthz', { headers })).body).toBe('ok');
    await expectSame('/healthz', { method: 'HEAD', headers });
    await expectSame('/orderbook', { headers });
    await expectSame('/orderbook', { method: 'HEAD', headers });
  }
  for (const path of ['/buy/x/0', '/sell/1/0', '/buy/01/5', '/sell/-1/5', '/buy/1/1000000001', '/buy/1/2.5']) {
    for (const method of ['GET', 'POST']) expect((await expectSame(path, { method, headers: gzip })).status).toBe(400);
  }
  for (const title of ['Parity one', 'Parity two']) await logEntry(request, { kind: 'book', title: uniqueTitle(title) }, server.url);
  await logEntry(request, { kind: 'game', title: uniqueTitle('Parity game') }, server.url);
  await logEntry(request, { kind: 'book', title: uniqueTitle('Parity reading'), status: 'in-progress', tags: ['parity'] }, server.url);
  const entriesQueries = ['/api/media', '/api/media?limit=1&kind=book', '/api/media?status=all&limit=900', '/api/media?status=in-progress&tag=parity', '/api/media?q=Parity&year=2026'];
  for (const path of ['/feed.xml', '/feed.json', '/feed.xml?kind=book', '/feed.json?kind=game,movie', ...entriesQueries, '/api/media?status=bogus&limit=0']) {
    for (const headers of [{}, gzip]) await expectSame(path, { headers });
    await expectSame(path, { method: 'HEAD' });
  }
  for (const path of ['/feed.xml', '/feed.json']) {
    const etag = String((await rawRequest(server.url + path)).headers.etag);
    for (const ifNoneMatch of [etag, `W/${etag}`, '*', '"other"']) {
      const answer = await expectSame(path, { headers: { 'if-none-match': ifNoneMatch } });
      expect(answer.status).toBe(ifNoneMatch === '"other"' ? 200 : 304);
    }
  }
});

test('orders placed through the front door and through Next land in the same store', async () => {
  const book = async () => JSON.parse((await rawRequest(`${server.url}/orderbook`)).body.toString()) as { bids: { user: number; price: number }[] };
  const front = await rawRequest(`${server.url}/buy/501/77`, { method: 'POST' });
  const next = await rawRequest(`${server.url}/buy/502/77`, { method: 'POST', headers: THROUGH_NEXT });
  expect(view(front)).toEqual(view(next));
  expect(view(front).body).toBe('ok');
  const users = (await book()).bids.filter((o) => o.price === 77).map((o) => o.user);
  expect(users).toEqual([501, 502]);
  // A sell through Next matches the front door's bid, and the front door's book shows it at once.
  await rawRequest(`${server.url}/sell/503/77`, { method: 'POST', headers: THROUGH_NEXT });
  expect((await book()).bids.filter((o) => o.price === 77).map((o) => o.user)).toEqual([502]);
  const { front: f, next: n } = await both('/orderbook');
  expect(view(f)).toEqual(view(n));
});

test('everything else reaches Next unchanged: other methods, browsers asking for the book page, trailing slashes', async () => {
  const post = await rawRequest(`${server.url}/healthz`, { method: 'POST' });
  expect(post.status).toBe(405);
  const page = await rawRequest(`${server.url}/orderbook`, { headers: { accept: 'text/html' } });
  expect(page.status).toBe(200);
  expect(page.headers['content-type']).toContain('text/html');
  const slash = await rawRequest(`${server.url}/healthz/`);
  expect(slash.status).toBe(308);
  // The owner's view of the entries needs the API token: Next's route checks it (streamed, so Next's).
  const owner = await rawRequest(`${server.url}/api/media?visibility=all`);
  expect(owner.status).toBe(401);
  expect(owner.headers['transfer-encoding']).toBe('chunked');
  const put = await rawRequest(`${server.url}/about`, { method: 'PUT' });
  expect(put.status).toBe(405);
  expect(put.headers.allow).toBe('GET, HEAD');
});

test('one entry and one year are served from the cache by the edge', async ({ request }) => {
  const entry = await logEntry(request, { kind: 'book', title: uniqueTitle('Cached entry'), finishedOn: '2026-03-04' }, server.url);
  for (const path of [`/entries/${entry.id}`, '/year/2026']) {
    const first = await rawRequest(server.url + path);
    expect(first.status, path).toBe(200);
    expect(first.body.toString(), path).toContain(path === '/year/2026' ? '2026 in review' : entry.title);
    expect(first.headers['x-render-cache'], path).toBe('miss');
    expect((await rawRequest(server.url + path)).headers['x-render-cache'], path).toBe('hit');
  }
});

test("a script's POST /api/media is answered by the edge as Next's route answers it", async () => {
  const token = { authorization: `Bearer ${adminToken()}`, 'content-type': 'application/json' };
  const post = async (body: string, headers: Record<string, string>, throughNext: boolean) => {
    const response = await fetch(`${server.url}/api/media`, { method: 'POST', body, headers: throughNext ? { ...headers, ...THROUGH_NEXT } : headers });
    return { status: response.status, type: response.headers.get('content-type'), cache: response.headers.get('cache-control'), body: await response.json() };
  };
  const cases: [string, Record<string, string>][] = [
    ['{"kind":"book"}', token],
    ['not json', token],
    ['[]', token],
    ['{"kind":"book","title":"A"}', { ...token, 'idempotency-key': '' }],
    ['{"kind":"book","title":"A"}', { ...token, authorization: 'Bearer wrong-token-of-some-length' }],
    [`{"kind":"book","title":"${'x'.repeat(70_000)}"}`, token],
  ];
  for (const [body, headers] of cases) {
    const edge = await post(body, headers, false);
    expect(edge, `${body.slice(0, 40)} ${JSON.stringify(headers).slice(0, 80)}`).toEqual(await post(body, headers, true));
    expect(edge.status).toBeGreaterThanOrEqual(400);
  }
  const logged = await post(JSON.stringify({ kind: 'book', title: uniqueTitle('Logged at the edge') }), token, false);
  expect(logged.status).toBe(201);
  expect(logged.body.entry.title).toMatch(/^Logged at the edge/);
  const viaNext = await post(JSON.stringify({ kind: 'book', title: uniqueTitle('Logged through Next') }), token, true);
  expect(Object.keys(viaNext.body.entry).sort()).toEqual(Object.keys(logged.body.entry).sort());
  expect({ ...viaNext, body: undefined }).toEqual({ ...logged, body: undefined });
});
