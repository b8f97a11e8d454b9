import { createServer, request, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sharedStore } from '../eventstore';
import { forgetSingleton } from '../eventstore/registry';
import { counterDefinition, counterOptions, tempDir } from '../eventstore/testing/counter';
import { RENDER_HEADER, STATUS_HEADER } from './rules';
import { sendWire } from '../http/wire';
import { cachedPageWire, type CachedRoute } from './serve';

// A stand-in for the Next server the cache renders from (a page that prints the store's total,
// counting its renders), and the cache in front of it as the front door runs it.
const store = sharedStore({ ...counterOptions(tempDir()), name: 'render-cache-test' });
let renders = 0;
let setCookie = false;
let origin: Server;
let cache: Server;
let cacheUrl: string;
const routes: CachedRoute[] = [
  { path: '/about', stores: [counterDefinition('render-cache-test')] },
  { path: '/framed', stores: [counterDefinition('render-cache-test')], headers: () => ({ 'content-security-policy': `frame-ancestors ${process.env.TEST_FRAMERS}` }) },
  { path: '/unbooted', stores: [counterDefinition('no-such-store')] },
  { path: '/canonical', stores: [counterDefinition('render-cache-test')], canonicalKey: (url) => (url.searchParams.get('kind') === 'book' ? '/canonical?kind=book' : '/canonical') },
];

const listen = async (server: Server) => {
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
};

beforeAll(async () => {
  await store.ready;
  origin = createServer((req, res) => {
    renders++;
    const headers: Record<string, string> = { 'content-type': 'text/html; charset=utf-8', vary: 'rsc', 'x-rendered-with': String(req.headers[RENDER_HEADER]) };
    if (setCookie) headers['set-cookie'] = 'session=1';
    // Long enough that gzip makes it smaller.
    res.writeHead(200, headers).end(`<p>total ${store.snapshot().total} for ${req.url}</p>`.padEnd(2000, ' '));
  });
  process.env.RENDER_CACHE_ORIGIN = await listen(origin);
  cache = createServer((req, res) => void cachedPageWire(req, routes).then(({ wire }) => sendWire(req, res, wire)));
  cacheUrl = await listen(cache);
});
afterAll(async () => {
  delete process.env.RENDER_CACHE_ORIGIN;
  forgetSingleton('render-cache');
  await new Promise((r) => cache.close(r));
  await new Promise((r) => origin.close(r));
  await store.close();
});

/** The response as sent, body not decoded (fetch would gunzip it). */
function get(path: string, headers: Record<string, string> = {}, method = 'GET') {
  return new Promise<{ status: number; headers: IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
    const req = request(cacheUrl + path, { method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject).end();
  });
}
const gzipClient = { 'accept-encoding': 'gzip, deflate, br' };
const text = (r: { headers: IncomingHttpHeaders; body: Buffer }) =>
  (r.headers['content-encoding'] === 'gzip' ? gunzipSync(r.body) : r.body).toString().trim();

describe('cachedPageWire', () => {
  it('renders once per state version, and every read after a write sees it', async () => {
    expect((await get('/about')).headers[STATUS_HEADER]).toBe('miss');
    const before = renders;
    const hit = await get('/about');
    expect(hit.headers[STATUS_HEADER]).toBe('hit');
    expect(renders).toBe(before);
    for (let n = 1; n <= 5; n++) {
      await store.dispatch({ type: 'Added', data: { n } });
      const total = `total ${store.snapshot().total} `;
      const after = await get('/about', n % 2 ? gzipClient : {});
      expect(after.headers[STATUS_HEADER]).toBe('miss');
      expect(text(after)).toContain(total);
      expect(text(await get('/about'))).toContain(total);
      expect(text(await get('/about', gzipClient))).toContain(total);
    }
  });

  it('gives a client that accepts gzip the page gzipped once, equal to the plain one, and fresh after a write', async () => {
    await store.dispatch({ type: 'Added', data: { n: 1 } });
    const plain = await get('/about');
    const before = renders;
    for (let i = 0; i < 3; i++) {
      const zipped = await get('/about', gzipClient);
      expect(zipped.headers['content-encoding']).toBe('gzip');
      expect(zipped.headers.vary).toBe('rsc, Accept-Encoding');
      expect(Number(zipped.headers['content-length'])).toBe(zipped.body.length);
      expect(zipped.body.length).toBeLessThan(plain.body.length);
      expect(gunzipSync(zipped.body).equals(plain.body)).toBe(true);
    }
    expect(renders).toBe(before);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.headers.vary).toBe('rsc, Accept-Encoding');
    expect((await get('/about', { 'accept-encoding': 'gzip;q=0, br' })).headers['content-encoding']).toBeUndefined();

    await store.dispatch({ type: 'Added', data: { n: 2 } });
    const fresh = await get('/about', gzipClient);
    expect(fresh.headers[STATUS_HEADER]).toBe('miss');
    expect(gunzipSync(fresh.body).toString()).toContain(`total ${store.snapshot().total} `);
  });

  it('keeps the page headers, adds the per-request ones, and renders each query as its own page', async () => {
    const response = await get('/about?kind=x&b=1');
    expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(response.headers['x-rendered-with']).toBe('1'); // rendered with the header that skips the rewrite
    expect(text(response)).toContain('for /about?b=1&kind=x');
    process.env.TEST_FRAMERS = 'https://a.example';
    expect((await get('/framed')).headers['content-security-policy']).toBe('frame-ancestors https://a.example');
    process.env.TEST_FRAMERS = 'https://b.example';
    const again = await get('/framed');
    expect(again.headers[STATUS_HEADER]).toBe('hit');
    expect(again.headers['content-security-policy']).toBe('frame-ancestors https://b.example');
  });

  it('keys a route with a canonical key by it: junk queries are one entry and one render, rendered as the canonical URL', async () => {
    const first = await get('/canonical?junk=0');
    expect(text(first)).toContain('for /canonical</p>');
    const before = renders;
    for (let i = 1; i < 20; i++) expect((await get(`/canonical?junk=${i}&from=x${i}`)).headers[STATUS_HEADER]).toBe('hit');
    expect(renders).toBe(before);
    expect(text(await get('/canonical?kind=book&junk=1'))).toContain('for /canonical?kind=book</p>');
  });

  it('answers HEAD without a body, refuses other methods, and knows only its routes', async () => {
    const head = await get('/about', {}, 'HEAD');
    expect(head.status).toBe(200);
    expect(head.body.length).toBe(0);
    expect(Number(head.headers['content-length'])).toBeGreaterThan(0);
    const post = await get('/about', {}, 'POST');
    expect(post.status).toBe(405);
    expect(post.headers.allow).toBe('GET, HEAD');
    expect((await get('/api/render-cache')).status).toBe(404);
  });

  it('serves but keeps nothing while a store the page reads is not booted', async () => {
    const first = await get('/unbooted');
    expect(first.status).toBe(200);
    expect(first.headers[STATUS_HEADER]).toBe('off');
    const before = renders;
    await get('/unbooted');
    expect(renders).toBe(before + 1);
  });

  it('never keeps a page that sets a cookie', async () => {
    setCookie = true;
    try {
      await get('/about?cookie=1');
      const again = await get('/about?cookie=1', gzipClient);
      expect(again.headers[STATUS_HEADER]).toBe('miss');
      expect(again.headers['set-cookie']).toEqual(['session=1']);
      expect(again.headers['content-encoding']).toBeUndefined(); // no copy made; Next's own compression applies
    } finally {
      setCookie = false;
    }
  });

  it('says so when the page cannot be rendered', async () => {
    const saved = process.env.RENDER_CACHE_ORIGIN;
    process.env.RENDER_CACHE_ORIGIN = 'http://127.0.0.1:9'; // nothing listens there
    const errors: unknown[] = [];
    const consoleError = console.error;
    console.error = (...args: unknown[]) => errors.push(args);
    try {
      const response = await get('/about?unreachable=1');
      expect(response.status).toBe(502);
      expect(errors).toHaveLength(1);
    } finally {
      console.error = consoleError;
      process.env.RENDER_CACHE_ORIGIN = saved;
    }
  });
});
