import { describe, expect, it } from 'vitest';
import { acceptsGzip, urlKey } from './rules';

describe('urlKey', () => {
  it('is the path and the query, whatever the order of the params', () => {
    const key = (url: string) => {
      const u = new URL(url, 'http://x');
      return urlKey(u.pathname, u.searchParams);
    };
    expect(key('/about')).toBe('/about');
    expect(key('/embed?limit=10&kind=book')).toBe(key('/embed?kind=book&limit=10'));
    expect(key('/embed?limit=10')).not.toBe(key('/embed?limit=5'));
  });
});

describe('acceptsGzip', () => {
  it('is true when gzip is listed without q=0, or only the wildcard is', () => {
    for (const header of ['gzip', 'gzip, deflate, br, zstd', 'br;q=1.0, gzip;q=0.8, *;q=0.1', 'x-gzip', '*', 'identity, *;q=0.5', 'GZIP']) {
      expect(acceptsGzip(header), header).toBe(true);
    }
  });
  it('is false when gzip is absent, refused, or only allowed by a wildcard it overrides', () => {
    for (const header of [undefined, '', 'identity', 'br, deflate', 'gzip;q=0', 'gzip; q=0.000', '*;q=0', 'gzip;q=0, *']) {
      expect(acceptsGzip(header), String(header)).toBe(false);
    }
  });
});
