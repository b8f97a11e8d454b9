import { describe, expect, it } from 'vitest';
import { bypassReason, RENDER_HEADER, urlKey } from './rules';

const paths = ['/about', '/embed'];
const request = (url: string, { method = 'GET', headers = {} }: { method?: string; headers?: Record<string, string> } = {}) => {
  const u = new URL(url, 'http://x');
  return { method, pathname: u.pathname, searchParams: u.searchParams, headers: new Headers(headers) };
};

describe('bypassReason', () => {
  it('lets plain GETs of the cached pages through to the cache', () => {
    expect(bypassReason(request('/about'), paths)).toBeUndefined();
    expect(bypassReason(request('/about?kind=book'), paths)).toBeUndefined();
    expect(bypassReason(request('/embed?limit=10&theme=dark'), paths)).toBeUndefined();
  });

  it('sends RSC requests (router.refresh, navigations, prefetches) and server actions to Next', () => {
    expect(bypassReason(request('/about?_rsc=1x2y'), paths)).toMatch(/_rsc/);
    for (const header of ['rsc', 'next-router-state-tree', 'next-router-prefetch', 'next-router-segment-prefetch', 'next-action']) {
      expect(bypassReason(request('/embed', { headers: { [header]: '1' } }), paths)).toMatch(/RSC request/);
    }
  });

  it('sends other methods, other paths and the cache own render request to Next', () => {
    expect(bypassReason(request('/about', { method: 'POST' }), paths)).toMatch(/method POST/);
    expect(bypassReason(request('/about', { method: 'HEAD' }), paths)).toMatch(/method HEAD/);
    expect(bypassReason(request('/about/more'), paths)).toMatch(/not cached/);
    expect(bypassReason(request('/admin'), paths)).toMatch(/not cached/);
    expect(bypassReason(request('/about', { headers: { [RENDER_HEADER]: '1' } }), paths)).toMatch(/rendering the page itself/);
  });
});

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
