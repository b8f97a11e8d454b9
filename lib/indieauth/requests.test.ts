import { describe, expect, it } from 'vitest';
import { parseClientId, redirectAllowed } from './client-id';
import { readClientPage } from './client-info';
import { parseAuthorizationRequest, redirectWith } from './consent';
import { isCodeVerifier, s256 } from './pkce';
import { parseScopes } from './scopes';

const challenge = s256('x'.repeat(43));
const request = (extra: Record<string, string> = {}) =>
  new URLSearchParams({
    response_type: 'code',
    client_id: 'https://app.example/',
    redirect_uri: 'https://app.example/callback',
    state: 'abc',
    code_challenge: challenge,
    code_challenge_method: 'S256',
    scope: 'create update',
    ...extra,
  });

describe('client identifiers (IndieAuth "Client Identifier")', () => {
  it.each([
    ['https://app.example/', true],
    ['http://app.example:8080/path?x=1', true],
    ['http://127.0.0.1:3000/', true],
    ['http://[::1]/', true],
    ['https://app.example/#frag', false],
    ['https://user:pw@app.example/', false],
    ['https://app.example/a/../b', false],
    ['https://app.example/./b', false],
    ['https://10.0.0.1/', false],
    ['ftp://app.example/', false],
    ['not a url', false],
  ])('%s is %s', (value, valid) => {
    expect(parseClientId(value).ok).toBe(valid);
  });

  it('allows a redirect on the client\'s own scheme, host and port, or one the client lists', () => {
    expect(redirectAllowed('https://app.example/', 'https://app.example/cb', [])).toBe(true);
    expect(redirectAllowed('https://app.example/', 'http://app.example/cb', [])).toBe(false);
    expect(redirectAllowed('https://app.example/', 'https://app.example:444/cb', [])).toBe(false);
    expect(redirectAllowed('https://app.example/', 'https://evil.example/cb', [])).toBe(false);
    expect(redirectAllowed('https://app.example/', 'https://cb.example/cb', ['https://cb.example/cb'])).toBe(true);
  });
});

describe('the authorization request', () => {
  it('reads a complete request, keeping client_id and redirect_uri as sent and only known scopes', () => {
    expect(parseAuthorizationRequest(request({ client_id: 'https://app.example', scope: 'create post media nonsense' }))).toEqual({
      ok: true,
      request: { clientId: 'https://app.example', redirectUri: 'https://app.example/callback', state: 'abc', challenge, scopes: ['create', 'media'], me: undefined },
    });
  });

  it('requires PKCE with S256', () => {
    const noPkce = request();
    noPkce.delete('code_challenge');
    expect(parseAuthorizationRequest(noPkce)).toMatchObject({ ok: false, redirectable: true, description: expect.stringContaining('PKCE is required') });
    expect(parseAuthorizationRequest(request({ code_challenge_method: 'plain' }))).toMatchObject({ ok: false, redirectable: true, description: expect.stringContaining('S256') });
    expect(parseAuthorizationRequest(request({ code_challenge: 'short' }))).toMatchObject({ ok: false, redirectable: true });
  });

  it('never redirects when client_id or redirect_uri is unusable', () => {
    expect(parseAuthorizationRequest(request({ client_id: 'https://10.1.2.3/' }))).toMatchObject({ ok: false, redirectable: false });
    expect(parseAuthorizationRequest(request({ redirect_uri: 'javascript:alert(1)' }))).toMatchObject({ ok: false, redirectable: false });
  });

  it('adds the answer to redirect_uri\'s own query', () => {
    expect(redirectWith('https://app.example/cb?keep=1', { code: 'c', state: 's', iss: 'https://shelf.example/', error: undefined })).toBe(
      'https://app.example/cb?keep=1&code=c&state=s&iss=https%3A%2F%2Fshelf.example%2F',
    );
  });
});

describe('scopes and PKCE values', () => {
  it('keeps known scopes once, in order, with post as create', () => {
    expect(parseScopes('profile post create delete x')).toEqual(['create', 'delete', 'profile']);
    expect(parseScopes(undefined)).toEqual([]);
  });

  it('checks verifiers and computes S256 as RFC 7636 appendix B', () => {
    expect(s256('dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk')).toBe('E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM');
    expect(isCodeVerifier('x'.repeat(42))).toBe(false);
    expect(isCodeVerifier('x'.repeat(129))).toBe(false);
    expect(isCodeVerifier('x'.repeat(43))).toBe(true);
  });
});

describe('client information', () => {
  const json = new Headers({ 'content-type': 'application/json' });
  const html = new Headers({ 'content-type': 'text/html; charset=utf-8', link: '</from-header>; rel="redirect_uri"' });

  it('reads a client metadata document, which must name its own client_id', () => {
    const doc = { client_id: 'https://app.example/id', client_name: 'Quill', logo_uri: '/logo.png', redirect_uris: ['https://cb.example/x', 'javascript:x'] };
    expect(readClientPage('https://app.example/id', 'https://app.example/id', json, JSON.stringify(doc))).toEqual({
      clientId: 'https://app.example/id',
      name: 'Quill',
      logo: 'https://app.example/logo.png',
      redirectUris: ['https://cb.example/x'],
    });
    expect(readClientPage('https://app.example/other', 'https://app.example/other', json, JSON.stringify(doc))).toMatchObject({ name: 'app.example', redirectUris: [] });
  });

  it('reads an h-app and rel="redirect_uri" from an HTML page and its Link header', () => {
    const page = '<link rel="redirect_uri" href="/cb"><div class="h-app"><a class="p-name u-url" href="/">Indiebookclub</a></div>';
    expect(readClientPage('https://ibc.example/', 'https://ibc.example/', html, page)).toEqual({
      clientId: 'https://ibc.example/',
      name: 'Indiebookclub',
      logo: undefined,
      redirectUris: ['https://ibc.example/from-header', 'https://ibc.example/cb'],
    });
  });
});
