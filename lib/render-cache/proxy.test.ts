import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { NextRequest } from 'next/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sharedStore } from '../eventstore';
import { forgetSingleton } from '../eventstore/registry';
import { counterOptions, tempDir } from '../eventstore/testing/counter';
import { serveFromRenderCache } from './proxy';
import { STATUS_HEADER } from './rules';

// A stand-in for the Next server the proxy renders from: a page that prints the store's total,
// counting how often it is rendered.
const store = sharedStore({ ...counterOptions(tempDir()), name: 'render-cache-test' });
let renders = 0;
let setCookie = false;
let server: Server;
const routes = [{ path: '/about', stores: ['render-cache-test'] }];

beforeAll(async () => {
  await store.ready;
  server = createServer((req, res) => {
    renders++;
    const headers: Record<string, string> = { 'content-type': 'text/html; charset=utf-8', vary: 'rsc' };
    if (setCookie) headers['set-cookie'] = 'session=1';
    res.writeHead(200, headers).end(`<p>total ${store.snapshot().total} for ${req.url}</p>`);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  process.env.RENDER_CACHE_ORIGIN = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  delete process.env.RENDER_CACHE_ORIGIN;
  forgetSingleton('render-cache');
  await new Promise((r) => server.close(r));
  await store.close();
});

const get = (path: string, headers: Record<string, string> = {}) =>
  serveFromRenderCache(new NextRequest(`http://localhost${path}`, { headers }), routes);
const passedOn = (response: Response) => response.headers.get('x-middleware-next') === '1';

describe('serveFromRenderCache', () => {
  it('renders once per state version, and every read after a write sees it', async () => {
    const first = await get('/about');
    expect(first.headers.get(STATUS_HEADER)).toBe('miss');
    const before = renders;
    const hit = await get('/about');
    expect(hit.headers.get(STATUS_HEADER)).toBe('hit');
    expect(renders).toBe(before);
    for (let n = 1; n <= 5; n++) {
      await store.dispatch({ type: 'Added', data: { n } });
      const after = await get('/about');
      expect(after.headers.get(STATUS_HEADER)).toBe('miss');
      expect(await after.text()).toContain(`total ${store.snapshot().total} `);
      expect(await (await get('/about')).text()).toContain(`total ${store.snapshot().total} `);
    }
  });

  it('keeps the page headers and drops the per-transfer ones', async () => {
    const response = await get('/about?kind=x');
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('vary')).toBe('rsc');
    expect(response.headers.get('date')).toBeNull();
    expect(await response.text()).toContain('for /about?kind=x');
  });

  it('passes RSC requests, other methods and other paths on to Next', async () => {
    const renders0 = renders;
    expect(passedOn(await get('/about', { rsc: '1' }))).toBe(true);
    expect(passedOn(await get('/about?_rsc=abc'))).toBe(true);
    expect(passedOn(await serveFromRenderCache(new NextRequest('http://localhost/about', { method: 'POST' }), routes))).toBe(true);
    expect(passedOn(await get('/elsewhere'))).toBe(true);
    expect(renders).toBe(renders0);
  });

  it('passes the request on while a store it depends on is not booted', async () => {
    const response = await serveFromRenderCache(new NextRequest('http://localhost/about'), [{ path: '/about', stores: ['no-such-store'] }]);
    expect(passedOn(response)).toBe(true);
  });

  it('never keeps a page that sets a cookie', async () => {
    setCookie = true;
    try {
      await get('/about?cookie=1');
      const again = await get('/about?cookie=1');
      expect(again.headers.get(STATUS_HEADER)).toBe('miss');
      expect(again.headers.get('set-cookie')).toBe('session=1');
    } finally {
      setCookie = false;
    }
  });
});
