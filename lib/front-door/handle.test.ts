import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '@/lib/eventstore/testing/counter';
import { mediaDefinition, orderbookDefinition } from '@/lib/stores';
import { openStore } from '@/lib/stores/shared';
import { handleHotRequest } from './handle';

// The front door keeps each hot read's answer for the state version it was made at: repeated
// reads get the same bytes, and a read after a write gets the write.
let server: Server;
let base: string;

beforeAll(async () => {
  process.env.EVENTS_DIR = tempDir();
  process.env.ORDERBOOK_RATE_LIMIT = '0';
  await Promise.all([openStore(orderbookDefinition).ready, openStore(mediaDefinition).ready]);
  server = createServer((req, res) => {
    if (!handleHotRequest(req, res)) res.writeHead(599).end(); // not hot: would be Next's
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.close();
  await Promise.all([openStore(orderbookDefinition).close(), openStore(mediaDefinition).close()]);
  delete process.env.ORDERBOOK_RATE_LIMIT;
});

/** A raw GET or HEAD (fetch would decode gzip): status, headers, body bytes. */
function raw(path: string, { method = 'GET', gzip = false } = {}) {
  return new Promise<{ status: number; headers: Record<string, unknown>; body: Buffer }>((resolve, reject) => {
    const req = request(`${base}${path}`, { method, headers: gzip ? { 'accept-encoding': 'gzip' } : {} }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });
}

const book = async () => JSON.parse((await raw('/orderbook')).body.toString()) as { bids: { price: number }[] };

describe('hot reads through the front door', () => {
  it('give a read after a write that write, and the same bytes until the next one', async () => {
    expect((await book()).bids).toEqual([]);
    expect((await fetch(`${base}/buy/7/120`, { method: 'POST' })).status).toBe(200);
    expect((await book()).bids.map((b) => b.price)).toEqual([120]);
    const first = await raw('/orderbook');
    const again = await raw('/orderbook');
    expect(again.body.equals(first.body)).toBe(true);
    expect((await fetch(`${base}/sell/8/300`, { method: 'POST' })).status).toBe(200);
    expect(JSON.parse((await raw('/orderbook')).body.toString()).asks).toHaveLength(1);
  });

  it('keep gzipped, plain and HEAD answers apart', async () => {
    for (let i = 0; i < 80; i++) await fetch(`${base}/buy/${i}/${100 + i}`, { method: 'POST' }); // a book worth gzipping
    const head = await raw('/orderbook', { method: 'HEAD', gzip: true });
    const zipped = await raw('/orderbook', { gzip: true });
    const plain = await raw('/orderbook');
    expect(head.body.byteLength).toBe(0);
    expect(zipped.headers['content-encoding']).toBe('gzip');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(gunzipSync(zipped.body).equals(plain.body)).toBe(true);
    expect(JSON.parse(plain.body.toString()).bids.length).toBeGreaterThan(80);
  });

  it('answer the entries API and the feeds per query, a write at once, and a bad query with its 400 every time', async () => {
    const titles = async (path: string) => {
      const body = await (await fetch(`${base}${path}`)).json();
      return (body.entries ?? body.items).map((e: { title: string }) => e.title);
    };
    expect(await titles('/api/media?kind=book')).toEqual([]);
    expect(await titles('/feed.json?kind=book')).toEqual([]);
    await openStore(mediaDefinition).dispatch({
      type: 'MediaFinished',
      data: { entryId: 'kept-apart', kind: 'book', title: 'Kept apart', finishedOn: '2026-11-20', visibility: 'public', announce: false },
    });
    expect(await titles('/api/media?kind=book')).toEqual(['Kept apart']);
    expect(await titles('/feed.json?kind=book')).toEqual(['Finished reading Kept apart']);
    expect(await titles('/api/media?kind=movie')).toEqual([]);
    expect(await titles('/feed.json?kind=movie')).toEqual([]);
    for (let i = 0; i < 2; i++) expect((await fetch(`${base}/api/media?limit=0`)).status).toBe(400);
  });
});
