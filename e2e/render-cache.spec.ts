import { gunzipSync } from 'node:zlib';
import { expect, test } from '@playwright/test';
import { adminToken, logEntry, uniqueTitle } from './support/api';
import { startAppServer, type AppServer } from './support/app-server';
import { rawGet } from './support/raw-get';

// Its own server and events directory: the test counts cache hits and misses, which entries
// logged by tests running in parallel on the shared server would disturb.
let server: AppServer;
test.beforeAll(async () => {
  server = await startAppServer();
});
test.afterAll(async () => {
  await server?.stop();
});

test('every read of /about right after a write shows that write (20 times in a row)', async ({ request }) => {
  for (let i = 0; i < 20; i++) {
    const title = uniqueTitle(`Fresh ${i}`);
    await logEntry(request, { kind: 'book', title }, server.url);
    const response = await request.get(`${server.url}/about`);
    expect(response.status()).toBe(200);
    expect(await response.text()).toContain(title);
    expect(response.headers()['x-render-cache']).toBe('miss');
    // ... and the next read is served from memory, still with it.
    const again = await request.get(`${server.url}/about`);
    expect(again.headers()['x-render-cache']).toBe('hit');
    expect(await again.text()).toContain(title);
  }
});

test('a cached page keeps its headers and sets no cookie, gzipped for clients that ask', async ({ request }) => {
  await logEntry(request, { kind: 'game', title: uniqueTitle('Headers') }, server.url);
  await request.get(`${server.url}/about`);
  const response = await request.get(`${server.url}/about`, { headers: { 'accept-encoding': 'gzip' } });
  const headers = response.headers();
  expect(headers['x-render-cache']).toBe('hit');
  expect(headers['content-type']).toBe('text/html; charset=utf-8');
  expect(headers['content-security-policy']).toBe("frame-ancestors 'none'");
  expect(headers['x-frame-options']).toBe('DENY');
  expect(headers['x-content-type-options']).toBe('nosniff');
  expect(headers['cache-control']).toContain('no-store');
  expect(headers['content-encoding']).toBe('gzip'); // by the cache, once per version
  expect(headers['set-cookie']).toBeUndefined();
  expect(await response.text()).toContain('Recently finished'); // Playwright inflates it: compressed once, not twice
});

test('a client that accepts gzip gets the page gzipped once, equal to the plain page, and fresh after every write', async ({ request }) => {
  const gzip = { 'accept-encoding': 'gzip, deflate, br, zstd' }; // what browsers send
  for (const path of ['/about', '/embed?limit=10']) {
    for (let i = 0; i < 3; i++) {
      const title = uniqueTitle(`Zipped ${i}`);
      await logEntry(request, { kind: 'podcast', title }, server.url);
      const zipped = await rawGet(`${server.url}${path}`, gzip);
      expect(zipped.status).toBe(200);
      expect(zipped.headers['x-render-cache']).toBe('miss');
      expect(zipped.headers['content-encoding']).toBe('gzip');
      expect(zipped.headers.vary).toMatch(/Accept-Encoding/i);
      const html = gunzipSync(zipped.body); // a valid gzip stream, compressed once: it inflates to the page
      expect(html.toString()).toContain(title);
      const plain = await rawGet(`${server.url}${path}`);
      expect(plain.headers['x-render-cache']).toBe('hit');
      expect(plain.headers['content-encoding']).toBeUndefined();
      expect(plain.body.equals(html)).toBe(true);
      const again = await rawGet(`${server.url}${path}`, gzip);
      expect(again.headers['x-render-cache']).toBe('hit');
      expect(again.body.equals(zipped.body)).toBe(true);
    }
  }
});

test('a query is its own page, and RSC requests always reach Next', async ({ request }) => {
  const movie = uniqueTitle('Filtered Movie');
  await logEntry(request, { kind: 'movie', title: movie }, server.url);
  const movies = await request.get(`${server.url}/about?kind=movie`);
  expect(await movies.text()).toContain(movie);
  const books = await request.get(`${server.url}/about?kind=book`);
  expect(await books.text()).not.toContain(movie);

  const rsc = await request.get(`${server.url}/about`, { headers: { rsc: '1' }, maxRedirects: 0 });
  expect(rsc.headers()['x-render-cache']).toBeUndefined();
});

test('render and router headers or a `_rsc` from outside reach no render: the kept page answers them', async () => {
  await rawGet(`${server.url}/about`);
  const spoofs: Record<string, string>[] = [
    { 'x-shelf-render': '1' },
    { 'next-router-state-tree': '%5B%22%22%5D', 'next-router-prefetch': '1' },
    { 'next-router-segment-prefetch': '/_tree' },
    { 'x-shelf-parity': 'next' }, // honoured only on a server started with SHELF_EDGE_PARITY=1 (tests)
  ];
  for (const headers of spoofs) {
    for (const query of ['', `?_rsc=${Math.random().toString(36).slice(2)}`, '?%5frsc=x']) {
      const answer = await rawGet(`${server.url}/about${query}`, headers);
      expect(answer.headers['x-render-cache'], `${query} ${JSON.stringify(headers)}`).toBe('hit');
      expect(answer.headers['content-type']).toBe('text/html; charset=utf-8');
    }
  }
});

test('the cache never answers with state from before a restart', async ({ request }) => {
  const before = uniqueTitle('Before restart');
  await logEntry(request, { kind: 'show', title: before }, server.url);
  expect(await (await request.get(`${server.url}/about`)).text()).toContain(before);
  await server.restart();
  const first = await request.get(`${server.url}/about`);
  expect(first.headers()['x-render-cache']).toBe('miss');
  expect(await first.text()).toContain(before);
  const after = uniqueTitle('After restart');
  await request.post(`${server.url}/api/media`, { headers: { authorization: `Bearer ${adminToken()}` }, data: { kind: 'show', title: after } });
  expect(await (await request.get(`${server.url}/about`)).text()).toContain(after);
});
