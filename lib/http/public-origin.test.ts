import { describe, expect, it } from 'vitest';
import { publicOrigin, sameSiteOrigins } from './public-origin';

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
