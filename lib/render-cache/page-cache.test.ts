import { describe, expect, it } from 'vitest';
import { compareVersions, PageCache, type CachedPage } from './page-cache';

const page = (text: string, bytes = text.length): CachedPage => ({
  status: 200,
  headers: [['content-type', 'text/html; charset=utf-8']],
  body: new Uint8Array(Buffer.from(text.padEnd(bytes, ' '))),
});
const text = (p: CachedPage | undefined) => (p ? Buffer.from(p.body).toString().trim() : undefined);

describe('PageCache', () => {
  it('hits only at the version the page was rendered at', () => {
    const cache = new PageCache();
    cache.set('/about', '3.2026-11-23', page('v3'));
    expect(text(cache.get('/about', '3.2026-11-23'))).toBe('v3');
    expect(cache.get('/about', '4.2026-11-23')).toBeUndefined(); // a write happened: never the old page
    expect(cache.get('/about', '3.2026-11-24')).toBeUndefined(); // a new day: "this year", default dates
    expect(cache.get('/about?kind=book', '3.2026-11-23')).toBeUndefined();
  });

  it('keeps one version per URL and never lets an older render replace a newer one', () => {
    const cache = new PageCache();
    cache.set('/about', '9.d', page('v9'));
    cache.set('/about', '10.d', page('v10'));
    cache.set('/about', '9.d', page('late v9')); // a slow render that started before the write
    expect(text(cache.get('/about', '10.d'))).toBe('v10');
    expect(cache.get('/about', '9.d')).toBeUndefined();
    expect(cache.size).toBe(1);
  });

  it('is bounded by entries, dropping the least recently used URL', () => {
    const cache = new PageCache({ maxEntries: 2 });
    cache.set('/a', '1', page('a'));
    cache.set('/b', '1', page('b'));
    cache.get('/a', '1');
    cache.set('/c', '1', page('c'));
    expect(cache.size).toBe(2);
    expect(text(cache.get('/a', '1'))).toBe('a');
    expect(cache.get('/b', '1')).toBeUndefined();
    expect(text(cache.get('/c', '1'))).toBe('c');
  });

  it('is bounded by bytes', () => {
    const cache = new PageCache({ maxEntries: 100, maxBytes: 1000 });
    for (let i = 0; i < 10; i++) cache.set(`/p${i}`, '1', page(`p${i}`, 300));
    expect(cache.bytes).toBeLessThanOrEqual(1000);
    expect(cache.size).toBe(3);
    expect(text(cache.get('/p9', '1'))).toBe('p9');
  });

  it('renders once for concurrent misses of one URL and version, then hits', async () => {
    const cache = new PageCache();
    let renders = 0;
    const render = async () => {
      renders++;
      await new Promise((r) => setTimeout(r, 10));
      return { page: page(`render ${renders}`), cacheable: true };
    };
    const results = await Promise.all(Array.from({ length: 20 }, () => cache.getOrRender('/about', '1', render)));
    expect(renders).toBe(1);
    expect(new Set(results.map((r) => text(r.page)))).toEqual(new Set(['render 1']));
    expect(results.every((r) => !r.hit)).toBe(true);
    expect(await cache.getOrRender('/about', '1', render)).toMatchObject({ hit: true });
    await cache.getOrRender('/about', '2', render);
    expect(renders).toBe(2);
  });

  it('serves but does not keep a page its render calls uncacheable, and lets a failed render be retried', async () => {
    const cache = new PageCache();
    const error = { ...page('oops'), status: 500 };
    expect(await cache.getOrRender('/about', '1', async () => ({ page: error, cacheable: false }))).toMatchObject({ hit: false, page: { status: 500 } });
    expect(cache.get('/about', '1')).toBeUndefined();
    await expect(cache.getOrRender('/about', '1', () => Promise.reject(new Error('down')))).rejects.toThrow('down');
    expect(await cache.getOrRender('/about', '1', async () => ({ page: page('ok'), cacheable: true }))).toMatchObject({ hit: false });
    expect(text(cache.get('/about', '1'))).toBe('ok');
  });
});

describe('compareVersions', () => {
  it('compares store seqs numerically and days as text', () => {
    expect(compareVersions('10.2026-11-23', '9.2026-11-23')).toBeGreaterThan(0);
    expect(compareVersions('9.2026-11-23', '9.2026-11-24')).toBeLessThan(0);
    expect(compareVersions('3.4.d', '3.4.d')).toBe(0);
  });
});
