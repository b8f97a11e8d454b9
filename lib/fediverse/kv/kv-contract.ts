// Fedify's KvStore contract as a suite any store runs (its reference is Fedify's MemoryKvStore):
// get/set/delete, time-to-live, compare-and-swap, and listing by key prefix.
import type { KvStore } from '@fedify/fedify';
import { Temporal } from '@js-temporal/polyfill';
import { expect, it } from 'vitest';

export function kvStoreContract(name: string, open: () => Promise<KvStore> | KvStore) {
  const collect = async (store: KvStore, prefix?: readonly [string, ...string[]]) => {
    const out: [string, unknown][] = [];
    for await (const e of store.list(prefix as never)) out.push([e.key.join('/'), e.value]);
    return out.sort();
  };

  it(`${name}: gets what was set, undefined for what was not or was deleted`, async () => {
    const store = await open();
    expect(await store.get(['a', 'missing'])).toBeUndefined();
    await store.set(['a', 'x'], { n: 1, list: [1, 2] });
    expect(await store.get(['a', 'x'])).toEqual({ n: 1, list: [1, 2] });
    await store.set(['a', 'x'], 'second');
    expect(await store.get(['a', 'x'])).toBe('second');
    await store.delete(['a', 'x']);
    expect(await store.get(['a', 'x'])).toBeUndefined();
  });

  it(`${name}: forgets a value after its time to live`, async () => {
    const store = await open();
    await store.set(['ttl', 'short'], 1, { ttl: Temporal.Duration.from({ milliseconds: 50 }) as never });
    await store.set(['ttl', 'long'], 2, { ttl: Temporal.Duration.from({ hours: 1 }) as never });
    expect(await store.get(['ttl', 'short'])).toBe(1);
    await new Promise((r) => setTimeout(r, 80));
    expect(await store.get(['ttl', 'short'])).toBeUndefined();
    expect(await store.get(['ttl', 'long'])).toBe(2);
  });

  it(`${name}: swaps only when the value is the one expected (deep equality; undefined for none)`, async () => {
    const store = await open();
    expect(await store.cas!(['cas', 'k'], undefined, { v: 1 })).toBe(true);
    expect(await store.cas!(['cas', 'k'], undefined, { v: 2 })).toBe(false);
    expect(await store.cas!(['cas', 'k'], { v: 1 }, { v: 3 })).toBe(true);
    expect(await store.get(['cas', 'k'])).toEqual({ v: 3 });
  });

  it(`${name}: lists the live entries under a prefix, whole key segments only`, async () => {
    const store = await open();
    await store.set(['p', 'a'], 1);
    await store.set(['p', 'b', 'c'], 2);
    await store.set(['pq', 'a'], 3);
    await store.set(['p', 'gone'], 4, { ttl: Temporal.Duration.from({ milliseconds: 1 }) as never });
    await new Promise((r) => setTimeout(r, 20));
    expect(await collect(store, ['p'])).toEqual([
      ['p/a', 1],
      ['p/b/c', 2],
    ]);
    expect((await collect(store)).map(([k]) => k)).toEqual(expect.arrayContaining(['p/a', 'p/b/c', 'pq/a']));
  });
}
