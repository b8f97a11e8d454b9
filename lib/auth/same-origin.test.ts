import { describe, expect, it } from 'vitest';
import { stampHeaders, partyFromHeaders } from '../http/edge-stamp';
import { partyOf } from '../http/request-party';
import { sameSiteOrigins } from '../http/public-origin';
import { parseTrustProxy } from '../http/trust-proxy.mjs';
import { crossSiteRefusal, isBrowserRequest } from './same-origin';

const site = 'https://shelf.example';
const headers = (h: Record<string, string>) => new Headers({ 'content-type': 'application/json', ...h });

/** The origins the write check allows for a request as the edge sees it: socket peer, its headers, TRUST_PROXY, SITE_URL. */
function allowedFor(peer: string, requestHeaders: Record<string, string>, { trustProxy, siteUrl }: { trustProxy?: string; siteUrl?: string } = {}) {
  const party = partyOf({ socket: { remoteAddress: peer }, headers: requestHeaders }, parseTrustProxy(trustProxy));
  const stamped = new Headers(stampHeaders({ ...requestHeaders }, party) as Record<string, string>);
  return sameSiteOrigins(partyFromHeaders(stamped), siteUrl);
}

describe('crossSiteRefusal', () => {
  it('lets the quick log write from every address the owner uses, with SITE_URL unset', () => {
    const cases: [string, Record<string, string>, string, string?][] = [
      ['127.0.0.1', { host: 'localhost:3000' }, 'http://localhost:3000'],
      ['127.0.0.1', { host: '127.0.0.1:3000' }, 'http://127.0.0.1:3000'],
      ['192.168.1.30', { host: '192.168.1.20:3000' }, 'http://192.168.1.20:3000'],
      // nginx in front, TLS there: the browser is on https://books.example.
      ['127.0.0.1', { host: 'books.example', 'x-forwarded-for': '198.51.100.7', 'x-forwarded-proto': 'https' }, 'https://books.example', 'loopback'],
      ['127.0.0.1', { host: '127.0.0.1:3000', 'x-forwarded-for': '198.51.100.7', 'x-forwarded-proto': 'https', 'x-forwarded-host': 'books.example' }, 'https://books.example', 'loopback'],
    ];
    for (const [peer, requestHeaders, origin, trustProxy] of cases) {
      const allowed = allowedFor(peer, requestHeaders, { trustProxy });
      expect(crossSiteRefusal(headers({ origin, 'sec-fetch-site': 'same-origin' }), allowed), origin).toBeNull();
    }
  });

  it("accepts SITE_URL's origin when the request reached the address behind the proxy", () => {
    expect(crossSiteRefusal(headers({ origin: site }), allowedFor('127.0.0.1', { host: '127.0.0.1:3000' }, { siteUrl: site }))).toBeNull();
  });

  it("does not take an untrusted peer's word for the protocol or the host", () => {
    const forged = allowedFor('203.0.113.9', { host: 'books.example', 'x-forwarded-proto': 'https', 'x-forwarded-host': 'evil.example', 'x-forwarded-for': '1.2.3.4' });
    expect(forged).toEqual(['http://books.example']);
    expect(crossSiteRefusal(headers({ origin: 'https://evil.example' }), forged)).toMatch(/Cross-site request refused/);
  });

  it('refuses another origin, a missing one, and the literal "null"', () => {
    for (const origin of ['https://evil.example', 'null', 'https://shelf.example.evil.example', 'http://shelf.example']) {
      expect(crossSiteRefusal(headers({ origin }), [site])).toMatch(/Cross-site request refused/);
    }
    expect(crossSiteRefusal(headers({}), [site])).toMatch(/Origin \(none\)/);
  });

  it('refuses what the browser itself marks as cross-site or same-site', () => {
    for (const value of ['cross-site', 'same-site', 'none']) {
      expect(crossSiteRefusal(headers({ origin: site, 'sec-fetch-site': value }), [site])).toMatch(/Sec-Fetch-Site/);
    }
  });

  it('refuses a body not declared as JSON (what a cross-site form would send)', () => {
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x']) {
      expect(crossSiteRefusal(headers({ origin: site, 'content-type': type }), [site])).toMatch(/JSON/);
    }
    expect(crossSiteRefusal(headers({ origin: site, 'content-type': 'application/json; charset=utf-8' }), [site])).toBeNull();
  });
});

describe('isBrowserRequest', () => {
  it('is true with Origin or Sec-Fetch-Site, false for a script', () => {
    expect(isBrowserRequest(new Headers({ origin: site }))).toBe(true);
    expect(isBrowserRequest(new Headers({ 'sec-fetch-site': 'same-origin' }))).toBe(true);
    expect(isBrowserRequest(new Headers({ authorization: 'Bearer x' }))).toBe(false);
  });
});
