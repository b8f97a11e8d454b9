import { afterEach, describe, expect, it } from 'vitest';
import { forgetSingleton } from '../eventstore/registry';
import { toResponse } from '../http/answer';
import { DEFAULT_MAX_LOG_BYTES } from './demo-room';
import { refusalAnswer, refuseOrder } from './order-gate';

const NAMES = ['ORDERBOOK_RATE_LIMIT', 'ORDERBOOK_GLOBAL_RATE_LIMIT', 'ORDERBOOK', 'ORDERBOOK_MAX_LOG_BYTES'] as const;
const saved = Object.fromEntries(NAMES.map((name) => [name, process.env[name]]));
afterEach(() => {
  for (const name of NAMES) {
    if (saved[name] === undefined) delete process.env[name];
    else process.env[name] = saved[name];
  }
  for (const key of ['orderbook:rate-limits', 'orderbook:demo-room']) forgetSingleton(key);
});

describe('refuseOrder', () => {
  it('answers 429 with Retry-After past 20 orders a second from one client (the edge client key)', async () => {
    delete process.env.ORDERBOOK_RATE_LIMIT;
    forgetSingleton('orderbook:rate-limits');
    for (let i = 0; i < 20; i++) expect(refuseOrder('203.0.113.7', 0, 5000)).toBeNull();
    const refusal = refuseOrder('203.0.113.7', 0, 5000);
    expect(refusal).toMatchObject({ status: 429, retryAfter: '1' });
    const response = toResponse(refusalAnswer(refusal!));
    expect(response.status).toBe(429);
    expect(response.headers.get('retry-after')).toBe('1');
    expect(await response.json()).toEqual({ error: expect.stringMatching(/Too many orders: at most 20 a second/) });
    expect(refuseOrder('203.0.113.8', 0, 5000)).toBeNull();
  });

  it('holds no client to a rate of its own with ORDERBOOK_RATE_LIMIT=0 (only everyone together)', () => {
    process.env.ORDERBOOK_RATE_LIMIT = '0';
    for (let i = 0; i < 200; i++) expect(refuseOrder('203.0.113.7', 0, 5000)).toBeNull();
    expect(refuseOrder('203.0.113.7', 0, 5000)?.error).toMatch(/The demo is busy/);
  });

  it('answers 404 JSON when the demo is off', async () => {
    process.env.ORDERBOOK = 'off';
    const refusal = refuseOrder('203.0.113.7');
    expect(refusal?.status).toBe(404);
    const response = toResponse(refusalAnswer(refusal!));
    expect(response.headers.get('content-type')).toMatch(/json/);
    expect((await response.json()).error).toMatch(/ORDERBOOK=off/);
  });

  it('holds all clients together to ORDERBOOK_GLOBAL_RATE_LIMIT (default 200 a second), whatever their keys', async () => {
    delete process.env.ORDERBOOK_GLOBAL_RATE_LIMIT;
    // 1,000 clients, 2 orders each, in one second: each is within its own rate.
    let placed = 0;
    let refusal: ReturnType<typeof refuseOrder> = null;
    for (let i = 0; i < 2000; i++) {
      const answer = refuseOrder(`198.51.${i % 250}.${Math.floor(i / 250)}`, 0, 7000);
      if (answer === null) placed++;
      else refusal = answer;
    }
    expect(placed).toBe(200);
    expect(refusal).toMatchObject({ status: 429, retryAfter: '1' });
    expect((await toResponse(refusalAnswer(refusal!)).json()).error).toMatch(/The demo is busy: at most 200 orders a second from everyone together/);
    // A refused order costs its client nothing: that client's own budget is intact a second later.
    for (let i = 0; i < 20; i++) expect(refuseOrder('203.0.113.99', 0, 8000 + i)).toBeNull();
  });

  it('never refuses for the global budget with ORDERBOOK_GLOBAL_RATE_LIMIT=0', () => {
    process.env.ORDERBOOK_GLOBAL_RATE_LIMIT = '0';
    for (let i = 0; i < 5000; i++) expect(refuseOrder(`client-${i}`, 0, 5000)).toBeNull();
  });

  it('answers 503 JSON "Demo full" once the log reaches ORDERBOOK_MAX_LOG_BYTES (256 MiB by default)', async () => {
    expect(refuseOrder('203.0.113.7', DEFAULT_MAX_LOG_BYTES - 1, 1000)).toBeNull();
    const refusal = refuseOrder('203.0.113.7', DEFAULT_MAX_LOG_BYTES, 2000);
    expect(refusal?.status).toBe(503);
    const response = toResponse(refusalAnswer(refusal!));
    expect(response.status).toBe(503);
    expect(response.headers.get('content-type')).toMatch(/json/);
    expect((await response.json()).error).toMatch(/^Demo full: .*cap of 256 MiB \(ORDERBOOK_MAX_LOG_BYTES\)/);
    process.env.ORDERBOOK_MAX_LOG_BYTES = '1000';
    forgetSingleton('orderbook:demo-room');
    expect(refuseOrder('203.0.113.7', 1000, 3000)?.status).toBe(503);
    expect(() => (process.env.ORDERBOOK_MAX_LOG_BYTES = 'lots', forgetSingleton('orderbook:demo-room'), refuseOrder('x', 0))).toThrow(/ORDERBOOK_MAX_LOG_BYTES/);
  });
});
