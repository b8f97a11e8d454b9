import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '@/lib/eventstore/testing/counter';
import { stampHeaders } from '@/lib/http/edge-stamp';
import { grants } from '@/lib/indieauth/grants';
import { s256 } from '@/lib/indieauth/pkce';
import { POST as revoke } from '../revoke/route';
import { POST } from './route';

const ORIGIN = 'https://shelf.example';
const saved = { ...process.env };
beforeAll(() => {
  process.env.EVENTS_DIR = tempDir('shelf-token-route-');
  process.env.SITE_URL = ORIGIN;
});
afterAll(() => {
  process.env = { ...saved };
});

const verifier = 'q'.repeat(50);
const client = { client_id: 'https://app.example/', redirect_uri: 'https://app.example/cb' };
let n = 0;
const call = (handler: (r: Request) => Promise<Response>, form: Record<string, string>, who = `192.0.2.${++n}`) =>
  handler(new Request(`${ORIGIN}/indieauth/token`, {
    method: 'POST',
    body: new URLSearchParams(form),
    headers: stampHeaders({ 'content-type': 'application/x-www-form-urlencoded' }, { address: who, key: who, origin: ORIGIN }) as Record<string, string>,
  }));
const code = () => grants().issueCode({ clientId: client.client_id, redirectUri: client.redirect_uri, scopes: ['create', 'profile'], challenge: s256(verifier), me: `${ORIGIN}/` });

describe('the token endpoint', () => {
  it('gives a bearer token, never cached, with the scope, me and the profile', async () => {
    const response = await call(POST, { grant_type: 'authorization_code', code: await code(), ...client, code_verifier: verifier });
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(await response.json()).toMatchObject({ token_type: 'Bearer', scope: 'create profile', me: `${ORIGIN}/`, profile: { url: `${ORIGIN}/` }, access_token: expect.any(String) });
  });

  it('answers OAuth errors as JSON: a missing grant type, a missing verifier, a wrong code', async () => {
    expect(await (await call(POST, { code: 'x', ...client, code_verifier: verifier })).json()).toMatchObject({ error: 'unsupported_grant_type' });
    expect(await (await call(POST, { grant_type: 'authorization_code', code: 'x', ...client })).json()).toMatchObject({ error: 'invalid_request', error_description: 'code_verifier is required' });
    const wrong = await call(POST, { grant_type: 'authorization_code', code: 'not-a-code', ...client, code_verifier: verifier });
    expect(wrong.status).toBe(400);
    expect(await wrong.json()).toMatchObject({ error: 'invalid_grant' });
  });

  it('revokes a token at the revocation endpoint (200 even for an unknown one)', async () => {
    const { access_token: token } = await (await call(POST, { grant_type: 'authorization_code', code: await code(), ...client, code_verifier: verifier })).json();
    expect(await grants().find(token)).toBeDefined();
    expect((await call(revoke, { token })).status).toBe(200);
    expect(await grants().find(token)).toBeUndefined();
    expect((await call(revoke, { token: 'never-issued' })).status).toBe(200);
  });

  it('is rate-limited per client: 20 requests a minute, then 429 with Retry-After', async () => {
    const who = '192.0.2.250';
    const statuses = [];
    for (let i = 0; i < 21; i++) statuses.push((await call(POST, { grant_type: 'authorization_code', code: 'x', ...client, code_verifier: verifier }, who)).status);
    expect(statuses.slice(0, 20).every((s) => s === 400)).toBe(true);
    expect(statuses[20]).toBe(429);
    expect((await call(POST, { grant_type: 'authorization_code', code: 'x', ...client, code_verifier: verifier })).status).toBe(400);
  });
});
