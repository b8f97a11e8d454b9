import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { forgetSingleton } from '../eventstore/registry';
import { tempDir } from '../eventstore/testing/counter';
import { stampHeaders } from '../http/edge-stamp';
import { adminTokenProblem, apiTokenClients, authorizeApiRequest } from './api-token';

const TOKEN = 'e2e-api-token-for-tests';
const saved = process.env.ADMIN_TOKEN;
beforeAll(() => {
  process.env.EVENTS_DIR = tempDir(); // the known clients are kept in <EVENTS_DIR>/auth.json
});
afterEach(() => {
  if (saved === undefined) delete process.env.ADMIN_TOKEN;
  else process.env.ADMIN_TOKEN = saved;
  forgetSingleton('auth:api-token-limiter');
  forgetSingleton('auth:api-token-clients');
});

const request = (authorization?: string, client = '203.0.113.7') =>
  new Request('http://localhost/api/media', { method: 'POST', headers: stampHeaders({ ...(authorization ? { authorization } : {}) }, { address: client, key: client, origin: 'http://localhost' }) });

describe('authorizeApiRequest with ADMIN_TOKEN set', () => {
  beforeEach(() => {
    process.env.ADMIN_TOKEN = TOKEN;
  });

  it('lets the right bearer token through', () => {
    expect(authorizeApiRequest(request(`Bearer ${TOKEN}`))).toBeNull();
    expect(authorizeApiRequest(request(`bearer   ${TOKEN} `))).toBeNull();
  });

  it('answers 401 with a JSON error and a Bearer challenge for a missing token', async () => {
    for (const header of [undefined, 'Basic ZTJlOnB3', 'Bearer', TOKEN]) {
      const res = authorizeApiRequest(request(header))!;
      expect(res.status).toBe(401);
      expect(res.headers.get('www-authenticate')).toBe('Bearer realm="shelf"');
      expect(await res.json()).toEqual({ error: 'Missing API token: send "Authorization: Bearer <ADMIN_TOKEN>"' });
    }
  });

  it('answers 401 for a wrong token, including a prefix or an extension of the right one', async () => {
    for (const [i, token] of ['nope', TOKEN.slice(0, -1), `${TOKEN}2`, TOKEN.toUpperCase()].entries()) {
      const res = authorizeApiRequest(request(`Bearer ${token}`, `198.51.100.${i}`))!;
      expect(res.status).toBe(401);
      expect(await res.json()).toEqual({ error: 'Wrong API token' });
    }
  });

  it('throttles wrong tokens per client: the sixth try in a row gets 429 with Retry-After, even with the right token; other clients go on', async () => {
    const now = Date.UTC(2026, 10, 23, 8);
    for (let i = 0; i < 5; i++) expect(authorizeApiRequest(request(`Bearer guess-${i}`), now + i)!.status).toBe(401);
    const refused = authorizeApiRequest(request(`Bearer ${TOKEN}`), now + 10)!;
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toBe('300');
    expect((await refused.json()).error).toMatch(/Too many wrong API tokens/);
    expect(authorizeApiRequest(request(`Bearer ${TOKEN}`, '198.51.100.9'), now + 10)).toBeNull();
    expect(authorizeApiRequest(request(`Bearer ${TOKEN}`), now + 5 * 60_000 + 10)).toBeNull();
  });
});

describe('wrong tokens from everyone together', () => {
  beforeEach(() => {
    process.env.ADMIN_TOKEN = TOKEN;
  });

  it('past 50 in 15 minutes, whatever the addresses, no unknown client reaches the check, not even with the right token', async () => {
    const now = Date.UTC(2026, 10, 23, 8);
    // Each address stays under its own limit (2 guesses, 5 allowed).
    const answers = Array.from({ length: 120 }, (_, i) => authorizeApiRequest(request(`Bearer guess-${i}`, `198.18.${i % 60}.1`), now + i)!.status);
    expect(answers.filter((s) => s === 401)).toHaveLength(50);
    expect(answers.slice(50).every((s) => s === 429)).toBe(true);
    const stranger = authorizeApiRequest(request(`Bearer ${TOKEN}`, '203.0.113.200'), now + 200)!;
    expect(stranger.status).toBe(429);
    expect(stranger.headers.get('retry-after')).toBe('300');
  });

  it("the owner's scripts, from an address that presented the right token before, go on working, even after a restart", async () => {
    const now = Date.UTC(2026, 10, 23, 9);
    const owner = '192.0.2.10';
    expect(authorizeApiRequest(request(`Bearer ${TOKEN}`, owner), now)).toBeNull();
    await vi.waitFor(() => expect(JSON.parse(readFileSync(join(process.env.EVENTS_DIR!, 'auth.json'), 'utf8')).tokenClients).toContainEqual({ key: owner, seenAt: now }));
    forgetSingleton('auth:api-token-clients'); // a restart: the known clients come back from auth.json
    await apiTokenClients().load();
    for (let i = 0; i < 60; i++) authorizeApiRequest(request(`Bearer guess-${i}`, `198.18.${i}.2`), now + 1000 + i);
    expect(authorizeApiRequest(request(`Bearer ${TOKEN}`, '203.0.113.201'), now + 2000)!.status).toBe(429);
    expect(authorizeApiRequest(request(`Bearer ${TOKEN}`, owner), now + 2000)).toBeNull();
    // Its own wrong tokens still count against it: five lock it, and then it is a stranger like any other.
    for (let i = 0; i < 5; i++) expect(authorizeApiRequest(request('Bearer typo', owner), now + 3000 + i)!.status).toBe(401);
    expect(authorizeApiRequest(request(`Bearer ${TOKEN}`, owner), now + 4000)!.status).toBe(429);
  });
});

describe('ADMIN_TOKEN length', () => {
  it('is refused under 16 characters, with a message saying how long it must be', () => {
    expect(adminTokenProblem('e2e-api-token')).toMatch(/ADMIN_TOKEN is 13 characters long; use at least 16/);
    expect(adminTokenProblem(TOKEN)).toBeNull();
    expect(adminTokenProblem(undefined)).toBeNull();
  });

  it('a short token opens nothing, even when sent exactly', async () => {
    process.env.ADMIN_TOKEN = 'short-token';
    const res = authorizeApiRequest(request('Bearer short-token'))!;
    expect(res.status).toBe(503);
    expect((await res.json()).error).toMatch(/at least 16/);
  });
});

describe('authorizeApiRequest with ADMIN_TOKEN unset', () => {
  it.each([['unset', undefined], ['empty', '']])('refuses every write when %s, saying why (503)', async (_, value) => {
    if (value === undefined) delete process.env.ADMIN_TOKEN;
    else process.env.ADMIN_TOKEN = value;
    for (const header of [undefined, 'Bearer ', 'Bearer anything']) {
      const res = authorizeApiRequest(request(header))!;
      expect(res.status).toBe(503);
      expect(await res.json()).toEqual({ error: 'API writes are disabled: ADMIN_TOKEN is not set' });
    }
  });
});
