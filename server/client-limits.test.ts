import type { Server } from 'node:http';
import { request } from 'node:http';
import { connect, type AddressInfo, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { clientLimitsFromEnv, createLimitedServer } from './client-limits.mjs';

// A slowloris run against the front door's server: many sockets from one address, each sending
// its headers a few bytes at a time and never finishing them.
let server: Server;
const sockets: Socket[] = [];

afterEach(async () => {
  for (const s of sockets.splice(0)) s.destroy();
  await new Promise((r) => server?.close(r));
});

async function listen(limits: Parameters<typeof createLimitedServer>[1]) {
  server = createLimitedServer((_req, res) => res.end('ok'), limits);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return (server.address() as AddressInfo).port;
}

/** A socket from `localAddress` that starts a request and then only trickles a header byte now and then. */
function slowClient(port: number, localAddress = '127.0.0.1') {
  const socket = connect({ port, host: '127.0.0.1', localAddress });
  socket.on('error', () => {});
  socket.write('GET / HTTP/1.1\r\nHost: x\r\n');
  const drip = setInterval(() => socket.writable && socket.write('X'), 100);
  socket.on('close', () => clearInterval(drip));
  sockets.push(socket);
  return socket;
}

function get(port: number, localAddress: string) {
  return new Promise<{ status: number; body: string }>((resolve, reject) => {
    const req = request({ port, host: '127.0.0.1', localAddress, path: '/', agent: false }, (res) => {
      let body = '';
      res.on('data', (c) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode!, body }));
    });
    req.on('error', reject).end();
  });
}

const connections = () => new Promise<number>((resolve, reject) => server.getConnections((err, n) => (err ? reject(err) : resolve(n))));
const closed = (socket: Socket) => new Promise<void>((r) => (socket.destroyed ? r() : socket.once('close', () => r())));
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('the front door server under a slowloris run', () => {
  it('holds at most the per-client cap of one address open, and still answers another client', async () => {
    const port = await listen({ ...clientLimitsFromEnv({}), maxConnectionsPerClient: 10, headersTimeoutMs: 60_000, requestTimeoutMs: 120_000 });
    const slow = Array.from({ length: 200 }, () => slowClient(port));
    // Until the server has turned away all but 10 (however long a busy machine takes to accept them),
    // it never holds more than 10.
    while (slow.filter((s) => s.destroyed).length < 190) {
      expect(await connections()).toBeLessThanOrEqual(10);
      await sleep(20);
    }
    expect(await connections()).toBeLessThanOrEqual(10);
    expect(await get(port, '127.0.0.2')).toEqual({ status: 200, body: 'ok' });
  });

  it('closes sockets that do not finish their headers in time, after which that address is served again', async () => {
    const port = await listen({ ...clientLimitsFromEnv({}), maxConnectionsPerClient: 10, headersTimeoutMs: 600, requestTimeoutMs: 1_000 });
    const slow = Array.from({ length: 10 }, () => slowClient(port));
    await Promise.all(slow.map(closed)); // would hang (test timeout) without the header timeout
    expect(await connections()).toBe(0);
    expect(await get(port, '127.0.0.1')).toEqual({ status: 200, body: 'ok' });
  });

  it('reads its limits from the environment, with bounded defaults', () => {
    expect(clientLimitsFromEnv({})).toMatchObject({
      headersTimeoutMs: 10_000,
      requestTimeoutMs: 30_000,
      keepAliveTimeoutMs: 5_000,
      maxConnectionsPerClient: 256,
      maxConnections: 4_096,
    });
    expect(clientLimitsFromEnv({}).trustedPeer('127.0.0.1')).toBe(false);
    expect(clientLimitsFromEnv({ TRUST_PROXY: 'loopback' }).trustedPeer('127.0.0.1')).toBe(true);
    expect(() => clientLimitsFromEnv({ TRUST_PROXY: 'nope' })).toThrow(/TRUST_PROXY/);
    expect(clientLimitsFromEnv({ SHELF_MAX_CONNECTIONS_PER_CLIENT: '0' }).maxConnectionsPerClient).toBe(0);
    expect(() => clientLimitsFromEnv({ SHELF_HEADERS_TIMEOUT_MS: 'soon' })).toThrow(/SHELF_HEADERS_TIMEOUT_MS|whole number/);
  });
});

describe('the overall connection cap', () => {
  it('closes the oldest socket still waiting for its headers to let a new client in, instead of refusing it', async () => {
    const port = await listen({ ...clientLimitsFromEnv({}), maxConnections: 20, maxConnectionsPerClient: 0, headersTimeoutMs: 60_000, requestTimeoutMs: 120_000 });
    const slow: Socket[] = [];
    for (let i = 0; i < 20; i++) {
      slow.push(slowClient(port, '127.0.0.3'));
      // One at a time, so that the server sees them in this order.
      while ((await connections()) < i + 1) await sleep(5);
    }
    // Without eviction the cap refuses this one (ECONNRESET) until a slow socket times out.
    expect(await get(port, '127.0.0.4')).toEqual({ status: 200, body: 'ok' });
    await closed(slow[0]!);
    expect(slow.slice(1).every((s) => !s.destroyed)).toBe(true);
    // Full again (that client's socket closed after its answer): the next oldest goes next.
    slow.push(slowClient(port, '127.0.0.3'));
    while ((await connections()) < 20) await sleep(5);
    expect(await get(port, '127.0.0.4')).toEqual({ status: 200, body: 'ok' });
    await closed(slow[1]!);
    expect(slow.slice(2).every((s) => !s.destroyed)).toBe(true);
    expect(await connections()).toBeLessThanOrEqual(20);
  });

  it('never closes a socket whose request is being answered: with every one busy, the newcomer is turned away', async () => {
    const held: import('node:http').ServerResponse[] = [];
    server = createLimitedServer((_req, res) => void held.push(res), { ...clientLimitsFromEnv({}), maxConnections: 3, maxConnectionsPerClient: 0 });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const port = (server.address() as AddressInfo).port;
    const busy = [0, 1, 2].map(() => get(port, '127.0.0.5').catch(() => undefined));
    while (held.length < 3) await sleep(5);
    await expect(get(port, '127.0.0.6')).rejects.toThrow();
    for (const res of held) res.end('late');
    expect((await Promise.all(busy)).map((r) => r?.body)).toEqual(['late', 'late', 'late']);
  });
});

describe('behind a trusted proxy', () => {
  it("does not cap the proxy's connections per address (they carry every client), but still caps everyone else's", async () => {
    const limits = clientLimitsFromEnv({ TRUST_PROXY: '127.0.0.1', SHELF_HEADERS_TIMEOUT_MS: '60000', SHELF_REQUEST_TIMEOUT_MS: '120000', SHELF_MAX_CONNECTIONS_PER_CLIENT: '5' });
    const port = await listen(limits);
    const proxied = Array.from({ length: 12 }, () => slowClient(port, '127.0.0.1'));
    const direct = Array.from({ length: 12 }, () => slowClient(port, '127.0.0.7'));
    while (direct.filter((s) => s.destroyed).length < 7) await sleep(20);
    await sleep(100);
    expect(proxied.filter((s) => s.destroyed)).toHaveLength(0);
    expect(await connections()).toBe(12 + 5);
  });
});

