import { describe, expect, it } from 'vitest';
import { crossSiteRefusal, isBrowserRequest } from './same-origin';

const site = 'https://shelf.example';
const headers = (h: Record<string, string>) => new Headers({ 'content-type': 'application/json', ...h });

describe('crossSiteRefusal', () => {
  it('lets a same-origin JSON write through', () => {
    expect(crossSiteRefusal(headers({ origin: 'http://127.0.0.1:3000', 'sec-fetch-site': 'same-origin' }), 'http://127.0.0.1:3000/api/media', undefined)).toBeNull();
  });

  it("accepts SITE_URL's origin when the request URL names the address behind the proxy", () => {
    expect(crossSiteRefusal(headers({ origin: site }), 'http://127.0.0.1:3000/api/media', site)).toBeNull();
  });

  it('refuses another origin, a missing one, and the literal "null"', () => {
    for (const origin of ['https://evil.example', 'null', 'https://shelf.example.evil.example']) {
      expect(crossSiteRefusal(headers({ origin }), `${site}/api/media`, site)).toMatch(/Cross-site request refused/);
    }
    expect(crossSiteRefusal(headers({}), `${site}/api/media`, site)).toMatch(/Origin \(none\)/);
  });

  it('refuses what the browser itself marks as cross-site or same-site', () => {
    for (const value of ['cross-site', 'same-site', 'none']) {
      expect(crossSiteRefusal(headers({ origin: site, 'sec-fetch-site': value }), `${site}/api/media`, site)).toMatch(/Sec-Fetch-Site/);
    }
  });

  it('refuses a body not declared as JSON (what a cross-site form would send)', () => {
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x']) {
      expect(crossSiteRefusal(headers({ origin: site, 'content-type': type }), `${site}/api/media`, site)).toMatch(/JSON/);
    }
    expect(crossSiteRefusal(headers({ origin: site, 'content-type': 'application/json; charset=utf-8' }), `${site}/api/media`, site)).toBeNull();
  });
});

describe('isBrowserRequest', () => {
  it('is true with Origin or Sec-Fetch-Site, false for a script', () => {
    expect(isBrowserRequest(new Headers({ origin: site }))).toBe(true);
    expect(isBrowserRequest(new Headers({ 'sec-fetch-site': 'same-origin' }))).toBe(true);
    expect(isBrowserRequest(new Headers({ authorization: 'Bearer x' }))).toBe(false);
  });
});
