import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '@/lib/eventstore/testing/counter';
import { createEdge } from '@/lib/edge/handle';
import { openStore } from '@/lib/eventstore/open-store';
import { logEntry } from '@/lib/media/commands';
import { mediaDefinition } from '@/lib/media/definition';
import { orderbookDefinition } from '@/lib/orderbook/definition';

// Feeds name the site absolutely. Without SITE_URL that is the address each request reached (the
// Host, and the protocol a trusted proxy says), and a kept feed never goes to another address.
let server: Server;
let port: number;

/** The edge on its own server (TRUST_PROXY is read as an edge starts): a request it would hand to Next gets 599. */
async function startEdge() {
  server?.close();
  server = createServer(createEdge({ next: (_req, res) => void res.writeHead(599).end() }).handle);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
}

beforeAll(async () => {
  process.env.EVENTS_DIR = tempDir();
  delete process.env.SITE_URL;
  delete process.env.TRUST_PROXY;
  await Promise.all([openStore(orderbookDefinition).ready, openStore(mediaDefinition).ready]);
  expect((await logEntry({ kind: 'book', title: 'The Dispossessed' })).ok).toBe(true);
  await startEdge();
});

afterEach(() => {
  delete process.env.SITE_URL;
  delete process.env.TRUST_PROXY;
});

afterAll(async () => {
  server.close();
  await Promise.all([openStore(orderbookDefinition).close(), openStore(mediaDefinition).close()]);
});

function feed(path: '/feed.json' | '/feed.xml', headers: Record<string, string>) {
  return new Promise<string>((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, headers }, (res) => {
      let body = '';
      res.on('data', (c) => (body += c));
      res.on('end', () => resolve(body));
    });
    req.on('error', reject).end();
  });
}

const homeOf = async (headers: Record<string, string>) => JSON.parse(await feed('/feed.json', headers)).home_page_url as string;

describe('feeds through the edge', () => {
  it('name the address each request reached, kept apart per address', async () => {
    expect(await homeOf({ host: 'localhost:3000' })).toBe('http://localhost:3000/about');
    expect(await homeOf({ host: '192.168.1.20:3000' })).toBe('http://192.168.1.20:3000/about');
    expect(await homeOf({ host: 'localhost:3000' })).toBe('http://localhost:3000/about');
    const atom = await feed('/feed.xml', { host: 'books.example' });
    expect(atom).toContain('<link rel="alternate" type="text/html" href="http://books.example/about"/>');
    expect(atom).not.toContain('localhost');
  });

  it("take https and the host from a trusted proxy only", async () => {
    const proxied = { host: '127.0.0.1:3000', 'x-forwarded-for': '198.51.100.7', 'x-forwarded-proto': 'https', 'x-forwarded-host': 'books.example' };
    expect(await homeOf(proxied)).toBe('http://127.0.0.1:3000/about'); // no proxy trusted: forged headers count for nothing
    process.env.TRUST_PROXY = 'loopback';
    await startEdge();
    expect(await homeOf(proxied)).toBe('https://books.example/about');
  });

  it('name SITE_URL when it is set, whatever the request says', async () => {
    process.env.SITE_URL = 'https://reading.example.org/';
    expect(await homeOf({ host: 'localhost:3000' })).toBe('https://reading.example.org/about');
    const items = JSON.parse(await feed('/feed.json', { host: 'evil.example' })).items as { url: string }[];
    expect(items[0]!.url).toMatch(/^https:\/\/reading\.example\.org\/entries\//);
  });
});
