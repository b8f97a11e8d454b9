import { describe, expect, it } from 'vitest';
import { CACHED_ROUTES } from './cached-routes';

describe('the render cache routes', () => {
  it('key /about and /embed by their known options only, so junk queries cannot fill the cache', () => {
    for (const route of CACHED_ROUTES) {
      const keys = new Set(Array.from({ length: 50 }, (_, i) => route.canonicalKey!(new URL(`http://x${route.path}?from=x${i}&junk=${i}`))));
      expect([...keys], route.path).toEqual([route.path]);
    }
  });

  it('cover one page per entry and per year, and nothing below them', () => {
    const entries = CACHED_ROUTES.find((r) => r.path === '/entries/:id')!;
    expect(entries.matches!('/entries/abc-123')).toBe(true);
    expect(entries.matches!('/entries/')).toBe(false);
    expect(entries.matches!('/entries/a/b')).toBe(false);
    expect(CACHED_ROUTES.find((r) => r.path === '/year/:year')!.matches!('/year/2026')).toBe(true);
  });

  it('let /embed be framed as EMBED_ALLOWED_ORIGINS says, read per request', () => {
    const embed = CACHED_ROUTES.find((r) => r.path === '/embed')!;
    const before = process.env.EMBED_ALLOWED_ORIGINS;
    try {
      process.env.EMBED_ALLOWED_ORIGINS = 'https://blog.example';
      expect(embed.headers!()).toEqual({ 'content-security-policy': "frame-ancestors 'self' https://blog.example" });
      delete process.env.EMBED_ALLOWED_ORIGINS;
      expect(embed.headers!()).toEqual({ 'content-security-policy': 'frame-ancestors *' });
    } finally {
      if (before === undefined) delete process.env.EMBED_ALLOWED_ORIGINS;
      else process.env.EMBED_ALLOWED_ORIGINS = before;
    }
  });
});
