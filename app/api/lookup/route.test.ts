import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { stampHeaders } from '@/lib/http/edge-stamp';
import { resetLookupState } from '@/lib/lookup/lookup';
import { openLibraryAnswer, startStandIn, type StandIn } from '@/lib/lookup/testing/stand-ins';
import { GET } from './route';

const saved = { ...process.env };
let openLibrary: StandIn;
beforeAll(async () => {
  openLibrary = await startStandIn((url) => ({ body: openLibraryAnswer(url.searchParams.get('q')!) }));
});
afterAll(() => openLibrary.close());
afterEach(() => {
  process.env = { ...saved };
  resetLookupState();
});

const party = (address: string) => ({ address, key: address, origin: 'http://shelf.test' });
const ask = (query: string, { client = '203.0.113.9', ...headers }: Record<string, string> = { authorization: 'Bearer t0ken-long-enough-16' }) =>
  GET(new Request(`http://shelf.test/api/lookup?${query}`, { headers: stampHeaders(headers, party(client)) }));

describe('GET /api/lookup', () => {
  it('answers results for the owner, 401 for anyone else', async () => {
    process.env.ADMIN_TOKEN = 't0ken-long-enough-16';
    process.env.OPENLIBRARY_URL = openLibrary.url;
    const response = await ask('kind=book&q=dune');
    expect(response.status).toBe(200);
    expect((await response.json()).results[0]).toMatchObject({ title: 'Dune', creator: 'Frank Herbert', year: 1965, source: 'openlibrary' });
    expect((await ask('kind=book&q=dune', { authorization: 'Bearer nope' })).status).toBe(401);
  });

  it('refuses a bad kind and a query too short or too long, naming the field', async () => {
    process.env.ADMIN_TOKEN = 't0ken-long-enough-16';
    expect(await (await ask('kind=album&q=dune')).json()).toMatchObject({ fields: { kind: expect.any(String) } });
    const long = await ask(`kind=book&q=${'x'.repeat(201)}`);
    expect(long.status).toBe(400);
    expect(await long.json()).toMatchObject({ fields: { q: 'must be 2 to 200 characters' } });
    expect((await ask('kind=book&q=x')).status).toBe(400);
    expect(openLibrary.requests).toHaveLength(1); // none of these reached the source
  });

  it('limits lookups per client (429 with Retry-After)', async () => {
    process.env.ADMIN_TOKEN = 't0ken-long-enough-16';
    process.env.OPENLIBRARY_URL = openLibrary.url;
    process.env.LOOKUP_RATE_LIMIT = '2';
    const headers = { authorization: 'Bearer t0ken-long-enough-16', client: '198.51.100.7' };
    expect((await ask('kind=book&q=one', headers)).status).toBe(200);
    expect((await ask('kind=book&q=two', headers)).status).toBe(200);
    const third = await ask('kind=book&q=three', headers);
    expect(third.status).toBe(429);
    expect(Number(third.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await third.json()).error).toMatch(/Too many lookups/);
  });
});
