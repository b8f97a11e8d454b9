import { describe, expect, it } from 'vitest';
import { matchHotRoute } from './routes';

const line = (method: string, url: string, headers: Record<string, string> = {}) => {
  const [pathname, query = ''] = url.split('?');
  return { method, pathname: pathname!, search: new URLSearchParams(query), header: (name: string) => headers[name] };
};

describe('the front door routes', () => {
  it('serve one entry and one year from the render cache, and nothing below them', () => {
    expect(matchHotRoute(line('GET', '/entries/abc-123'))).toMatchObject({ kind: 'cached-page', route: { path: '/entries/:id' } });
    expect(matchHotRoute(line('GET', '/year/2026'))).toMatchObject({ kind: 'cached-page', route: { path: '/year/:year' } });
    expect(matchHotRoute(line('GET', '/entries/abc/edit'))).toBeUndefined();
    expect(matchHotRoute(line('GET', '/entries/abc-123', { rsc: '1' }))).toBeUndefined();
  });

  it('answer GET /api/media with its filters, and hand the token-gated visibility=all to Next', () => {
    expect(matchHotRoute(line('GET', '/api/media?status=all&tag=x&q=y&year=2026&limit=900'))).toEqual({ kind: 'public-entries' });
    expect(matchHotRoute(line('GET', '/api/media?visibility=all'))).toBeUndefined();
    expect(matchHotRoute(line('POST', '/api/media'))).toBeUndefined();
  });
});
