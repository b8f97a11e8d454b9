// The key-value store's contract (lib/eventstore/key-value.ts) as a suite every implementation
// runs: get/set/delete, time to live, compare-and-swap, listing by key prefix. It is Fedify's
// KvStore's contract in milliseconds: lib/fediverse runs it on Fedify's own MemoryKvStore too.
import { expect, it } from 'vitest';
import type { KeyValueStore, KvKey } from '../key-value';

export function keyValueContract(name: string, open: () => Promise<KeyValueStore> | KeyValueStore) {
  const collect = async (store: KeyValueStore, prefix?: KvKey) => {
    const out: [string, unknown][] = [];
    for await (const e of store.list(prefix)) out.push([e.key.join('/'), e.value]);
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
    await store.set(['ttl', 'short'], 1, { ttlMs: 50 });
    await store.set(['ttl', 'long'], 2, { ttlMs: 3_600_000 });
    expect(await store.get(['ttl', 'short'])).toBe(1);
    await new Promise((r) => setTimeout(r, 80));
    expect(await store.get(['ttl', 'short'])).toBeUndefined();
    expect(await store.get(['ttl', 'long'])).toBe(2);
  });

  it(`${name}: swaps only when the value is the one expected (deep equality; undefined for none)`, async () => {
    const store = await open();
    expect(await store.cas(['cas', 'k'], undefined, { v: 1 })).toBe(true);
    expect(await store.cas(['cas', 'k'], undefined, { v: 2 })).toBe(false);
    expect(await store.cas(['cas', 'k'], { v: 1 }, { v: 3 })).toBe(true);
    expect(await store.get(['cas', 'k'])).toEqual({ v: 3 });
    const racers = await Promise.all([store.cas(['cas', 'race'], undefined, 'a'), store.cas(['cas', 'race'], undefined, 'b')]);
    expect(racers.filter(Boolean)).toHaveLength(1);
  });

  it(`${name}: lists the live entries under a prefix, whole key segments only`, async () => {
    const store = await open();
    await store.set(['p', 'a'], 1);
    await store.set(['p', 'b', 'c'], 2);
    await store.set(['pq', 'a'], 3);
    await store.set(['p', 'gone'], 4, { ttlMs: 1 });
    await new Promise((r) => setTimeout(r, 20));
    expect(await collect(store, ['p'])).toEqual([
      ['p/a', 1],
      ['p/b/c', 2],
    ]);
    expect((await collect(store)).map(([k]) => k)).toEqual(expect.arrayContaining(['p/a', 'p/b/c', 'pq/a']));
  });
}
