import { createServer, request, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '@/lib/eventstore/open-store';
import { tempDir } from '@/lib/eventstore/testing/counter';
import { partyFromHeaders } from '@/lib/http/edge-stamp';
import { mediaDefinition } from '@/lib/media/definition';
import { webmentionDefinition } from '@/lib/webmention/definition';
import { orderbookDefinition } from '@/lib/orderbook/definition';
import { createEdge, type Edge } from './handle';
import { RenderBudget } from './render-budget';
import type { NextRoutes } from './next-routes';

// The edge in front of a stand-in for Next that says what it was asked and by whom: hot reads are
// kept per version, pages are rendered in process once per canonical request, and nothing a client
// sends (render or router headers, `_rsc`, junk) reaches a render it should not.
let server: Server;
let base: string;
let edge: Edge;
const nextSaw: { url: string; rsc?: string; address: string; client: string }[] = [];
let requests = 0;

function standInNext(req: IncomingMessage, res: ServerResponse) {
  const party = partyFromHeaders({ get: (name) => (req.headers[name] as string | undefined) ?? null });
  nextSaw.push({ url: req.url!, rsc: req.headers.rsc as string | undefined, address: party.address, client: party.key });
  const missing = ['/entries/-', '/year/-', '/_shelf/not-found'].some((p) => req.url!.startsWith(p));
  const html = missing ? '<h1>Nothing on this shelf here</h1>' : `<h1>page ${req.url} for ${party.key} at ${openStore(mediaDefinition).version()}</h1>`;
  res.writeHead(missing ? 404 : 200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store', vary: 'rsc, next-router-state-tree' });
  res.end(html);
}

const knownToNext: NextRoutes = { knows: (p) => p === '/admin' || p.startsWith('/_next/') };

beforeAll(async () => {
  process.env.EVENTS_DIR = tempDir();
  process.env.ORDERBOOK_RATE_LIMIT = '0';
  process.env.TRUST_PROXY = 'loopback';
  // Entry pages read the Webmention store too (their mentions).
  await Promise.all([openStore(orderbookDefinition).ready, openStore(mediaDefinition).ready, openStore(webmentionDefinition).ready]);
  edge = createEdge({ next: standInNext, nextRoutes: knownToNext });
  server = createServer(edge.handle);
  server.on('request', () => requests++);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.close();
  await Promise.all([openStore(orderbookDefinition).close(), openStore(mediaDefinition).close(), openStore(webmentionDefinition).close()]);
  delete process.env.ORDERBOOK_RATE_LIMIT;
  delete process.env.TRUST_PROXY;
});

/** A raw request (fetch would decode gzip): status, headers, body bytes. */
function raw(path: string, { method = 'GET', headers = {} as Record<string, string> } = {}) {
  return new Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }>((resolve, reject) => {
    const req = request(`${base}${path}`, { method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });
}

const log = (title: string) =>
  openStore(mediaDefinition).dispatch({
    type: 'MediaFinished',
    data: { entryId: title.toLowerCase().replaceAll(' ', '-'), kind: 'book', title, finishedOn: '2026-11-20', visibility: 'public', announce: false },
  });

describe('the edge', () => {
  it('keeps a hot read for its version: the same bytes until a write, and the write at once', async () => {
    const first = await raw('/orderbook');
    expect(JSON.parse(first.body.toString())).toEqual({ bids: [], asks: [] });
    expect((await raw('/buy/7/120', { method: 'POST' })).body.toString()).toBe('ok');
    const after = await raw('/orderbook');
    expect(JSON.parse(after.body.toString()).bids).toEqual([{ user: 7, price: 120 }]);
    expect((await raw('/orderbook')).body.equals(after.body)).toBe(true);
  });

  it('renders a page in process once per canonical request and version, for the party that asked, through no socket', async () => {
    await log('Kept once');
    const rendersBefore = edge.renders();
    const requestsBefore = requests;
    const first = await raw('/about?utm_source=x', { headers: { 'x-forwarded-for': '203.0.113.9' } });
    expect(first.status).toBe(200);
    expect(first.headers['x-render-cache']).toBe('miss');
    expect(first.body.toString()).toContain('page /about for 203.0.113.9');
    for (const junk of ['', '?junk=1', '?_rsc=abc', '?%5frsc=abc', '?kind=nope&fbclid=2']) {
      const again = await raw(`/about${junk}`, { headers: { 'accept-encoding': 'gzip' } });
      expect(again.headers['x-render-cache'], junk).toBe('hit');
      expect(gunzipSync(again.body).equals(first.body)).toBe(true);
    }
    expect(edge.renders() - rendersBefore).toBe(1);
    expect(requests - requestsBefore).toBe(6); // the six requests above: the render reached the server as none
  });

  it('never lets render or router headers from outside bypass the cache or reach a render', async () => {
    await raw('/about');
    const renders = edge.renders();
    const nextBefore = nextSaw.length;
    const spoofs: Record<string, string>[] = [
      { 'x-shelf-render': '1' },
      { 'next-router-state-tree': '%5B%22%22%5D' },
      { 'next-router-prefetch': '1' },
      { 'next-router-segment-prefetch': '/_tree' },
      { 'x-shelf-edge': 'forged', 'x-shelf-client': 'someone-else' },
      { rsc: '0' },
    ];
    for (const headers of spoofs) {
      const answer = await raw(`/about?_rsc=${Math.random()}`, { headers });
      expect(answer.headers['x-render-cache'], JSON.stringify(headers)).toBe('hit');
    }
    expect(edge.renders()).toBe(renders);
    expect(nextSaw.length).toBe(nextBefore);
  });

  it("hands Next's own client requests (RSC: 1, server actions) to Next unchanged", async () => {
    const before = nextSaw.length;
    const rsc = await raw('/about?_rsc=1', { headers: { rsc: '1' } });
    expect(rsc.headers['x-render-cache']).toBeUndefined();
    expect(nextSaw.slice(before)).toEqual([expect.objectContaining({ url: '/about?_rsc=1', rsc: '1' })]);
    const action = await raw('/about', { method: 'POST', headers: { 'next-action': 'abc' } });
    expect(action.status).toBe(200);
    expect(nextSaw.length).toBe(before + 2);
    expect((await raw('/about', { method: 'PUT' })).status).toBe(405); // any other method: the page takes none
  });

  it('answers every unknown entry, year and path with one kept 404 page, not one render each', async () => {
    await raw('/entries/never-0');
    await raw('/year/nope');
    await raw('/nowhere-0');
    const renders = edge.renders();
    for (let i = 1; i <= 20; i++) {
      for (const path of [`/entries/never-${i}`, `/year/x${i}`, `/nowhere-${i}`]) {
        const answer = await raw(path);
        expect(answer.status, path).toBe(404);
        expect(answer.headers['x-render-cache'], path).toBe('hit');
      }
    }
    expect(edge.renders()).toBe(renders);
    expect((await raw('/admin')).status).toBe(200); // a path Next has: Next's
  });

  it('gives a client that just wrote the new version, and others the previous one while it renders', async () => {
    await raw('/embed', { headers: { 'x-forwarded-for': '198.51.100.1' } });
    await log('Stale for a moment');
    // A reader who wrote nothing: the page before the write, at once, while the next one renders.
    const reader = await raw('/embed', { headers: { 'x-forwarded-for': '198.51.100.1' } });
    expect(reader.headers['x-render-cache']).toBe('stale');
    // A client that wrote (any request but GET and HEAD) reads its write.
    await raw('/buy/1/5', { method: 'POST', headers: { 'x-forwarded-for': '198.51.100.2' } });
    await log('Read your writes');
    const writer = await raw('/embed', { headers: { 'x-forwarded-for': '198.51.100.2' } });
    expect(writer.headers['x-render-cache']).toMatch(/^(miss|hit)$/);
    expect(writer.body.toString()).toContain(`at ${openStore(mediaDefinition).version()}`);
  });

  it('keeps the entries API per canonical query, and a bad query with its 400', async () => {
    const titles = async (path: string) => (JSON.parse((await raw(path)).body.toString()).entries as { title: string }[]).map((e) => e.title);
    await log('Api one');
    expect(await titles('/api/media?limit=1')).toEqual(['Api one']);
    const size = edge.cache.size;
    expect(await titles('/api/media?limit=1&junk=2&_rsc=3')).toEqual(['Api one']);
    expect(edge.cache.size).toBe(size); // the same canonical request: the same kept answer
    for (let i = 0; i < 3; i++) expect((await raw(`/api/media?limit=0&x=${i}`)).status).toBe(400);
    expect(edge.cache.size).toBe(size + 1);
  });
});

describe('the render budget', () => {
  it('pays for every cache miss and RSC read from the client that asked: past its share 429 with Retry-After, other clients still served', async () => {
    const budgeted = createEdge({ next: standInNext, nextRoutes: knownToNext, renderBudget: new RenderBudget({ perClient: 1, all: 100 }) });
    const own = createServer(budgeted.handle);
    await new Promise<void>((resolve) => own.listen(0, '127.0.0.1', resolve));
    const at = `http://127.0.0.1:${(own.address() as AddressInfo).port}`;
    const get = (path: string, client: string, headers: Record<string, string> = {}) => fetch(`${at}${path}`, { headers: { 'x-forwarded-for': client, ...headers } });
    try {
      // A burst of three seconds' worth, then nothing: a search nobody made before is a render each.
      const answers = [];
      for (let i = 0; i < 5; i++) answers.push(await get(`/about?q=junk${i}`, '203.0.113.50'));
      expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 429, 429]);
      expect(answers[3]!.headers.get('retry-after')).toBe('1');
      expect(await answers[3]!.json()).toEqual({ error: expect.stringMatching(/Too many pages rendered/) });
      expect(budgeted.renders()).toBe(3);
      // Kept answers cost nothing, and Next's own RSC reads are paid from the same share.
      expect((await get('/about?q=junk0', '203.0.113.50')).status).toBe(200);
      expect((await get('/about?_rsc=x1', '203.0.113.50', { rsc: '1' })).status).toBe(429);
      // Another client has its own share.
      expect((await get('/about?q=junk9', '198.51.100.50')).status).toBe(200);
    } finally {
      own.close();
    }
  });

  it('refuses everyone with 503 once all clients together spent theirs', async () => {
    const budgeted = createEdge({ next: standInNext, nextRoutes: knownToNext, renderBudget: new RenderBudget({ perClient: 100, all: 1 }) });
    const own = createServer(budgeted.handle);
    await new Promise<void>((resolve) => own.listen(0, '127.0.0.1', resolve));
    const at = `http://127.0.0.1:${(own.address() as AddressInfo).port}`;
    try {
      const statuses = [];
      for (let i = 0; i < 4; i++) statuses.push((await fetch(`${at}/about?q=crowd${i}`, { headers: { 'x-forwarded-for': `192.0.2.${i + 1}` } })).status);
      expect(statuses).toEqual([200, 200, 503, 503]);
    } finally {
      own.close();
    }
  });
});
