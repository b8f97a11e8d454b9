import { describe, expect, it } from 'vitest';
import { publicOrigin, sameSiteOrigins, siteUrlAdvice, siteUrlProblem } from './public-origin';

describe('the public origin', () => {
  it('is SITE_URL when set, whatever the request says', () => {
    expect(publicOrigin({ origin: 'http://127.0.0.1:3000' }, 'https://books.example/')).toBe('https://books.example');
  });
  it("is the request's own origin without SITE_URL", () => {
    expect(publicOrigin({ origin: 'https://books.example' }, undefined)).toBe('https://books.example');
    expect(publicOrigin({ origin: 'http://192.168.1.20:3000' }, '')).toBe('http://192.168.1.20:3000');
  });
  it("lets a browser write from the request's origin and from SITE_URL's", () => {
    expect(sameSiteOrigins({ origin: 'http://localhost:3000' }, 'https://books.example')).toEqual(['http://localhost:3000', 'https://books.example']);
    expect(sameSiteOrigins({ origin: undefined }, undefined)).toEqual([]);
  });
});

describe('SITE_URL', () => {
  it('is refused at start unless it is an http(s) origin, saying what to write', () => {
    expect(siteUrlProblem(undefined)).toBeNull();
    expect(siteUrlProblem('https://books.example')).toBeNull();
    expect(siteUrlProblem('http://127.0.0.1:3000/')).toBeNull();
    expect(siteUrlProblem('books.example')).toMatch(/SITE_URL must be the site's address, such as https:\/\/books\.example/);
    expect(siteUrlProblem('ftp://books.example')).toMatch(/https:\/\/ or http:\/\//);
    expect(siteUrlProblem('https://example.org/books')).toMatch(/without a path.*use https:\/\/example\.org/);
  });

  it('unset while the admin is reached at a domain or a LAN address: the admin is told to set it', () => {
    expect(siteUrlAdvice({ origin: 'https://books.example' }, undefined)).toMatch(/SITE_URL is not set.*Set SITE_URL=https:\/\/books\.example/);
    expect(siteUrlAdvice({ origin: 'http://192.168.1.20:3000' }, '')).toMatch(/Set SITE_URL=http:\/\/192\.168\.1\.20:3000/);
  });

  it("says nothing on this machine's own addresses, or once SITE_URL is set", () => {
    for (const origin of ['http://localhost:3000', 'http://127.0.0.1:3000', 'http://[::1]:3000', 'http://shelf.localhost']) {
      expect(siteUrlAdvice({ origin }, undefined), origin).toBeNull();
    }
    expect(siteUrlAdvice({ origin: 'https://books.example' }, 'https://books.example')).toBeNull();
  });
});

