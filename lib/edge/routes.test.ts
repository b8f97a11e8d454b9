import { describe, expect, it } from 'vitest';
import { routeMatcher } from './match';
import { isNextOwnRequest } from './next-requests';
import { HOT_ROUTES } from './routes';

const matcher = routeMatcher(HOT_ROUTES);
const route = (method: string, url: string, headers: Record<string, string> = {}) => {
  const [pathname, query = ''] = url.split('?');
  return matcher.match(method, pathname!, headers, new URLSearchParams(query))?.route.name;
};

describe('the route table', () => {
  it('has each route once, with what it reads and how its answer is made', () => {
    const names = HOT_ROUTES.map((r) => r.name);
    expect(new Set(names).size).toBe(names.length);
    for (const r of HOT_ROUTES) {
      expect(r.make, r.name).toBeTypeOf('function');
      // A kept answer must say what it reads, or it would outlive the writes it does not show.
      if (r.key && r.name !== 'not found') expect((r.reads.stores ?? []).length, r.name).toBeGreaterThan(0);
    }
  });

  it('serves one entry and one year from the pages, and nothing below them', () => {
    expect(route('GET', '/entries/abc-123')).toBe('entry');
    expect(route('GET', '/year/2026')).toBe('year');
    expect(route('HEAD', '/about?kind=book')).toBe('about');
    expect(route('PUT', '/embed')).toBe('embed'); // answered 405 by the edge
    expect(route('GET', '/entries/abc/edit')).toBeUndefined();
    expect(route('GET', '/about/')).toBeUndefined(); // Next redirects a trailing slash
    expect(route('GET', '/entries/%E0%A4%A')).toBeUndefined(); // malformed: Next's to answer
  });

  it('answers GET /api/media with its filters, and hands the token-gated visibility=all to Next', () => {
    expect(route('GET', '/api/media?status=all&tag=x&q=y&year=2026&limit=900')).toBe('entries');
    expect(route('GET', '/api/media?visibility=all')).toBeUndefined();
  });

  it("answers a script's POST /api/media (the token), and hands the owner's session writes to Next", () => {
    expect(route('POST', '/api/media', { authorization: 'Bearer x' })).toBe('log entry');
    expect(route('POST', '/api/media')).toBeUndefined();
  });

  it('answers the book to clients that do not ask for HTML, orders by GET and POST, never HEAD', () => {
    expect(route('GET', '/orderbook')).toBe('book');
    expect(route('GET', '/orderbook', { accept: 'text/html,application/xhtml+xml' })).toBeUndefined();
    expect(route('POST', '/buy/1/100')).toBe('buy');
    expect(route('GET', '/sell/1/100')).toBe('sell');
    expect(route('HEAD', '/buy/1/100')).toBeUndefined();
    expect(route('POST', '/healthz')).toBeUndefined();
  });

  it("leaves Next's own client requests to Next: RSC: 1 and server actions, not `_rsc` or router headers alone", () => {
    expect(isNextOwnRequest({ rsc: '1' })).toBe(true);
    expect(isNextOwnRequest({ 'next-action': 'abc' })).toBe(true);
    expect(isNextOwnRequest({ 'next-router-state-tree': 'x', 'next-router-prefetch': '1', 'x-shelf-render': '1' })).toBe(false);
    expect(isNextOwnRequest({ rsc: 'yes' })).toBe(false);
  });
});
