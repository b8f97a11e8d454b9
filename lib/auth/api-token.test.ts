import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { authorizeApiRequest } from './api-token';

const saved = process.env.ADMIN_TOKEN;
afterEach(() => {
  if (saved === undefined) delete process.env.ADMIN_TOKEN;
  else process.env.ADMIN_TOKEN = saved;
});

const request = (authorization?: string) =>
  new Request('http://localhost/api/media', { method: 'POST', headers: authorization ? { authorization } : {} });

describe('authorizeApiRequest with ADMIN_TOKEN set', () => {
  beforeEach(() => {
    process.env.ADMIN_TOKEN = 'e2e-api-token';
  });

  it('lets the right bearer token through', () => {
    expect(authorizeApiRequest(request('Bearer e2e-api-token'))).toBeNull();
    expect(authorizeApiRequest(request('bearer   e2e-api-token '))).toBeNull();
  });

  it('answers 401 with a JSON error and a Bearer challenge for a missing token', async () => {
    for (const header of [undefined, 'Basic ZTJlOnB3', 'Bearer', 'e2e-api-token']) {
      const res = authorizeApiRequest(request(header))!;
      expect(res.status).toBe(401);
      expect(res.headers.get('www-authenticate')).toBe('Bearer realm="shelf"');
      expect(await res.json()).toEqual({ error: 'Missing API token: send "Authorization: Bearer <ADMIN_TOKEN>"' });
    }
  });

  it('answers 401 for a wrong token, including a prefix or an extension of the right one', async () => {
    for (const token of ['nope', 'e2e-api-toke', 'e2e-api-token2', 'E2E-API-TOKEN']) {
      const res = authorizeApiRequest(request(`Bearer ${token}`))!;
      expect(res.status).toBe(401);
      expect(await res.json()).toEqual({ error: 'Wrong API token' });
    }
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
