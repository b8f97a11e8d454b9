import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { Body, textAnswer, type Answer } from '../http/answer';
import { AnswerCache, cacheBytesFromEnv, type Made } from './cache';

const page = (text: string, pad = 0): Answer => ({ status: 200, headers: { 'content-type': 'text/html; charset=utf-8' }, body: Body.ofText(text + ' '.repeat(pad)) });
const kept = (answer: Answer): (() => Promise<Made>) => async () => ({ answer, keep: true });
const text = (answer: Answer | undefined) => answer?.body?.text().trim();

/** A make that waits until `release()` is called, counting its calls. */
function gate(answer: Answer) {
  let calls = 0;
  let release!: () => void;
  const opened = new Promise<void>((r) => (release = r));
  return {
    make: async (): Promise<Made> => {
      calls++;
      await opened;
      return { answer, keep: true };
    },
    release: () => release(),
    calls: () => calls,
  };
}

describe('AnswerCache', () => {
  it('serves an answer only at the version it was made at, by its canonical key', async () => {
    const cache = new AnswerCache();
    expect((await cache.answer('about /about', '3.d', kept(page('v3')))).outcome).toBe('miss');
    expect(text(cache.get('about /about', '3.d'))).toBe('v3');
    expect(cache.get('about /about', '4.d')).toBeUndefined(); // a write moved the version on: never the old answer
    expect(cache.get('about /about?kind=book', '3.d')).toBeUndefined();
    const again = await cache.answer('about /about', '3.d', kept(page('other')));
    expect(again.outcome).toBe('hit');
    expect(text(again.answer)).toBe('v3');
  });

  it('is bounded by bytes (SHELF_CACHE_BYTES), dropping the least recently used', async () => {
    const cache = new AnswerCache(20_000);
    for (let i = 0; i < 20; i++) await cache.answer(`k${i}`, '1', kept(page(`p${i}`, 3000)));
    expect(cache.bytes).toBeLessThanOrEqual(20_000);
    expect(cache.size).toBeLessThan(20);
    expect(text(cache.get('k19', '1'))).toBe('p19');
    expect(cache.get('k0', '1')).toBeUndefined();
    // An answer over the whole bound is served, not kept.
    const huge = await cache.answer('huge', '1', kept(page('x', 30_000)));
    expect(huge.outcome).toBe('off');
    expect(cache.get('huge', '1')).toBeUndefined();
    expect(cacheBytesFromEnv({})).toBe(64 * 1024 * 1024);
    expect(cacheBytesFromEnv({ SHELF_CACHE_BYTES: '1000' })).toBe(1000);
    expect(() => cacheBytesFromEnv({ SHELF_CACHE_BYTES: 'lots' })).toThrow(/SHELF_CACHE_BYTES/);
  });

  it('keeps one body for every key with the same bytes, counted once, and compresses it once', async () => {
    const cache = new AnswerCache();
    for (let i = 0; i < 1000; i++) await cache.answer(`not found /nope-${i}`, '1', kept(page('the one 404 page', 10_000)));
    expect(cache.size).toBe(1000);
    expect(cache.bodyCount).toBe(1);
    const first = cache.get('not found /nope-0', '1')!;
    const last = cache.get('not found /nope-999', '1')!;
    expect(last.body).toBe(first.body);
    expect(gunzipSync(first.body!.gzip!).toString()).toBe(first.body!.text()); // compressed once, with it
    // 1,000 keys cost their entries and one 10 KB body (and its gzip), not 1,000 bodies.
    expect(cache.bytes).toBeLessThan(1000 * 1024 + 20_000);
  });

  it('makes one answer at a time per key: concurrent requests share it', async () => {
    const cache = new AnswerCache();
    const slow = gate(page('v1'));
    const all = Promise.all(Array.from({ length: 10 }, () => cache.answer('k', '1', slow.make)));
    await new Promise((r) => setTimeout(r, 10));
    slow.release();
    const results = await all;
    expect(slow.calls()).toBe(1);
    expect(new Set(results.map((r) => r.answer)).size).toBe(1);
  });

  it('serves the previous answer while the next version is made, to readers who may have it (stale-while-render)', async () => {
    const cache = new AnswerCache();
    await cache.answer('k', '1', kept(page('v1')));
    const next = gate(page('v2'));
    // A reader that may get a stale answer is served v1 at once and starts the make of v2 ...
    const stale = await cache.answer('k', '2', next.make, true);
    expect(stale).toMatchObject({ outcome: 'stale' });
    expect(text(stale.answer)).toBe('v1');
    // ... others too, while it runs: no second make of the key.
    expect(text((await cache.answer('k', '2', next.make, true)).answer)).toBe('v1');
    // A reader that may not (it just wrote) waits for v2.
    const fresh = cache.answer('k', '2', next.make, false);
    next.release();
    expect(text((await fresh).answer)).toBe('v2');
    expect((await fresh).outcome).toBe('miss');
    expect(next.calls()).toBe(1);
    expect(text(cache.get('k', '2'))).toBe('v2');
  });

  it('makes a newer version only after the make under way, never two at once', async () => {
    const cache = new AnswerCache();
    const v1 = gate(page('v1'));
    const first = cache.answer('k', '1', v1.make);
    let making = 0;
    let most = 0;
    const v2 = cache.answer('k', '2', async () => {
      most = Math.max(most, ++making);
      making--;
      return { answer: page('v2'), keep: true };
    });
    await new Promise((r) => setTimeout(r, 10));
    expect(most).toBe(0); // still waiting for v1's make
    v1.release();
    expect(text((await first).answer)).toBe('v1');
    expect(text((await v2).answer)).toBe('v2');
    expect(most).toBe(1);
  });

  it('keeps 404s like any other answer, and passes on what may not be kept', async () => {
    const cache = new AnswerCache();
    const missing: Answer = { ...page('no such page'), status: 404 };
    await cache.answer('entry /entries/x', '1', kept(missing));
    expect(cache.get('entry /entries/x', '1')?.status).toBe(404);
    const cookie = await cache.answer('k', '1', async () => ({ answer: textAnswer('with a cookie'), keep: false }));
    expect(cookie.outcome).toBe('off');
    expect(cache.get('k', '1')).toBeUndefined();
  });

  it('hands a failed make to every reader waiting for it, and tries again on the next request', async () => {
    const cache = new AnswerCache();
    await expect(cache.answer('k', '1', async () => Promise.reject(new Error('render failed')))).rejects.toThrow('render failed');
    expect((await cache.answer('k', '1', kept(page('ok')))).outcome).toBe('miss');
  });
});
