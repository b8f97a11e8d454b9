import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { isPublicAddress } from './address-policy';
import { OutboundError, outboundFetch } from './fetch';
import { OutboundGate } from './gate';

let server: Server;
let base: string;
const hangs: (() => void)[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    const url = new URL(req.url!, 'http://x');
    if (url.pathname === '/ok') return res.end('hello');
    if (url.pathname === '/big') return res.end('x'.repeat(2_000));
    if (url.pathname === '/bomb') {
      // 10 MB of zeros, gzipped to ~10 KB: the cap counts what it inflates to.
      res.writeHead(200, { 'content-encoding': 'gzip' });
      return res.end(gzipSync(Buffer.alloc(10 << 20)));
    }
    if (url.pathname === '/hang') return void hangs.push(() => res.end('late'));
    if (url.pathname === '/loop') return res.writeHead(302, { location: `/loop?n=${Number(url.searchParams.get('n') ?? 0) + 1}` }).end();
    if (url.pathname === '/to-ok') return res.writeHead(301, { location: '/ok' }).end();
    if (url.pathname === '/echo') {
      let body = '';
      req.on('data', (c) => (body += c)).on('end', () => res.end(`${req.method} ${body}`));
      return;
    }
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
afterEach(() => {
  delete process.env.OUTBOUND_ALLOW_PRIVATE;
  hangs.splice(0).forEach((end) => end());
});

const reason = (promise: Promise<unknown>) =>
  promise.then(
    () => 'answered',
    (err) => (err instanceof OutboundError ? err.reason : `other: ${err}`),
  );

describe('outbound fetches', () => {
  it('refuse loopback and private addresses, by literal and by name', async () => {
    expect(await reason(outboundFetch(`${base}/ok`))).toBe('private-address');
    const port = new URL(base).port;
    expect(await reason(outboundFetch(`http://localhost:${port}/ok`))).toBe('private-address');
    expect(await reason(outboundFetch(`http://[::ffff:127.0.0.1]:${port}/ok`))).toBe('private-address');
  });

  it('reach them with OUTBOUND_ALLOW_PRIVATE=1', async () => {
    process.env.OUTBOUND_ALLOW_PRIVATE = '1';
    const response = await outboundFetch(`${base}/ok`);
    expect([response.status, response.text()]).toEqual([200, 'hello']);
  });

  it('stop at the byte cap, counted after decompression', async () => {
    process.env.OUTBOUND_ALLOW_PRIVATE = '1';
    expect(await reason(outboundFetch(`${base}/big`, { maxBytes: 1_000 }))).toBe('too-large');
    expect(await reason(outboundFetch(`${base}/bomb`, { maxBytes: 1 << 20 }))).toBe('too-large');
    expect((await outboundFetch(`${base}/big`, { maxBytes: 2_000 })).body.byteLength).toBe(2_000);
  });

  it('give up at the deadline', async () => {
    process.env.OUTBOUND_ALLOW_PRIVATE = '1';
    expect(await reason(outboundFetch(`${base}/hang`, { timeoutMs: 200 }))).toBe('timeout');
  });

  it('follow a few redirects, then stop', async () => {
    process.env.OUTBOUND_ALLOW_PRIVATE = '1';
    const followed = await outboundFetch(`${base}/to-ok`);
    expect([followed.url, followed.text()]).toEqual([`${base}/ok`, 'hello']);
    expect(await reason(outboundFetch(`${base}/loop`, { maxRedirects: 2 }))).toBe('too-many-redirects');
  });

  it('never follow a redirect into a private address', async () => {
    process.env.OUTBOUND_ALLOW_PRIVATE = '1';
    const redirector = createServer((_req, res) => res.writeHead(302, { location: `${base}/ok` }).end());
    await new Promise<void>((resolve) => redirector.listen(0, '127.0.0.1', resolve));
    const from = `http://127.0.0.1:${(redirector.address() as AddressInfo).port}/`;
    delete process.env.OUTBOUND_ALLOW_PRIVATE;
    expect(await reason(outboundFetch(from))).toBe('private-address');
    redirector.close();
  });

  it('send a POST body and do not follow its redirects', async () => {
    process.env.OUTBOUND_ALLOW_PRIVATE = '1';
    const sent = await outboundFetch(`${base}/echo`, { method: 'POST', body: new URLSearchParams({ source: 'a' }) });
    expect(sent.text()).toBe('POST source=a');
    expect((await outboundFetch(`${base}/to-ok`, { method: 'POST', body: 'x' })).status).toBe(301);
  });

  it('refuse what is not an http URL', async () => {
    expect(await reason(outboundFetch('file:///etc/passwd'))).toBe('bad-url');
    expect(await reason(outboundFetch('not a url'))).toBe('bad-url');
  });
});

describe('the outbound gate', () => {
  it('holds at most its concurrency, queues some, and refuses past the queue', async () => {
    const gate = new OutboundGate(2, 1);
    const a = await gate.enter('a');
    await gate.enter('b');
    let thirdIn = false;
    const third = gate.enter('c').then((release) => ((thirdIn = true), release));
    expect(await reason(gate.enter('d'))).toBe('busy');
    expect(thirdIn).toBe(false);
    a();
    await third;
    expect(thirdIn).toBe(true);
  });
});

describe('public addresses', () => {
  it.each([
    ['8.8.8.8', true],
    ['2606:4700::1111', true],
    ['127.0.0.1', false],
    ['10.1.2.3', false],
    ['172.16.0.1', false],
    ['192.168.0.1', false],
    ['169.254.169.254', false],
    ['100.64.0.1', false],
    ['0.0.0.0', false],
    ['::1', false],
    ['fc00::1', false],
    ['fe80::1', false],
    ['::ffff:10.0.0.1', false],
    ['::ffff:8.8.8.8', true],
  ])('%s is public: %s', (address, expected) => {
    expect(isPublicAddress(address)).toBe(expected);
  });
});
