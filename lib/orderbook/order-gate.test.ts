import { afterEach, describe, expect, it } from 'vitest';
import { forgetSingleton } from '../eventstore/registry';
import { toResponse } from '../http/answer';
import { refusalAnswer, refuseOrder } from './order-gate';

const saved = { limit: process.env.ORDERBOOK_RATE_LIMIT, demo: process.env.ORDERBOOK };
afterEach(() => {
  for (const [name, value] of [['ORDERBOOK_RATE_LIMIT', saved.limit], ['ORDERBOOK', saved.demo]] as const) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
  forgetSingleton('orderbook:rate-limiter');
});

describe('refuseOrder', () => {
  it('answers 429 with Retry-After past 20 orders a second from one client (the edge client key)', async () => {
    delete process.env.ORDERBOOK_RATE_LIMIT;
    forgetSingleton('orderbook:rate-limiter');
    for (let i = 0; i < 20; i++) expect(refuseOrder('203.0.113.7', 5000)).toBeNull();
    const refusal = refuseOrder('203.0.113.7', 5000);
    expect(refusal).toMatchObject({ status: 429, retryAfter: '1' });
    const response = toResponse(refusalAnswer(refusal!));
    expect(response.status).toBe(429);
    expect(response.headers.get('retry-after')).toBe('1');
    expect(await response.json()).toEqual({ error: expect.stringMatching(/Too many orders: at most 20 a second/) });
    expect(refuseOrder('203.0.113.8', 5000)).toBeNull();
  });

  it('never refuses with ORDERBOOK_RATE_LIMIT=0', () => {
    process.env.ORDERBOOK_RATE_LIMIT = '0';
    forgetSingleton('orderbook:rate-limiter');
    for (let i = 0; i < 500; i++) expect(refuseOrder('203.0.113.7', 5000)).toBeNull();
  });

  it('answers 404 JSON when the demo is off', async () => {
    process.env.ORDERBOOK = 'off';
    const refusal = refuseOrder('203.0.113.7');
    expect(refusal?.status).toBe(404);
    const response = toResponse(refusalAnswer(refusal!));
    expect(response.headers.get('content-type')).toMatch(/json/);
    expect((await response.json()).error).toMatch(/ORDERBOOK=off/);
  });
});
