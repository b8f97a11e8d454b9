import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { filesBackend } from './backend';
import { FileKeyValueStore } from './file-key-value';
import { keyValueContract } from './testing/key-value-contract';

const fresh = () => join(mkdtempSync(join(tmpdir(), 'shelf-kv-')), 'cache.json');

describe("the files backend's key-value store", () => {
  keyValueContract('a cache', () => new FileKeyValueStore(fresh(), { maxEntries: 100, cache: true }));
  keyValueContract('a durable namespace', () => new FileKeyValueStore(fresh(), { maxEntries: 100 }));

  it('keeps its entries across a reopen, readable by its owner only', async () => {
    const file = fresh();
    const first = new FileKeyValueStore(file, { maxEntries: 10, cache: true });
    await first.set(['_fedify', 'publicKey', 'https://x.example/key'], { id: 'k' });
    await first.flush();
    expect(await new FileKeyValueStore(file, { maxEntries: 10, cache: true }).get(['_fedify', 'publicKey', 'https://x.example/key'])).toEqual({ id: 'k' });
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });

  it('a durable namespace has the value on disk when the write resolves', async () => {
    const file = fresh();
    const store = new FileKeyValueStore(file, { maxEntries: 10 });
    expect(await store.cas(['secret'], undefined, { key: 's3cret' })).toBe(true);
    expect(JSON.parse(readFileSync(file, 'utf8')).entries).toEqual([{ key: ['secret'], value: { key: 's3cret' }, expiresAt: null }]);
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });

  it('a cache holds at most its bound, dropping the oldest', async () => {
    const store = new FileKeyValueStore(fresh(), { maxEntries: 3, cache: true });
    for (const n of [1, 2, 3, 4, 5]) await store.set(['k', String(n)], n);
    const keys: string[] = [];
    for await (const e of store.list()) keys.push(e.key[1]!);
    expect(keys).toEqual(['3', '4', '5']);
  });

  it('a durable namespace refuses a new key past its bound and keeps what it holds', async () => {
    const store = new FileKeyValueStore(fresh(), { maxEntries: 2 });
    await store.set(['a'], 1);
    await store.set(['b'], 2);
    await expect(store.set(['c'], 3)).rejects.toThrow(/holds its 2 entries/);
    await store.set(['a'], 10); // a key it holds may change
    expect([await store.get(['a']), await store.get(['b']), await store.get(['c'])]).toEqual([10, 2, undefined]);
  });

  it('is `<dir>/<namespace>.json` through the backend, one store per namespace in the process', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'shelf-kv-backend-'));
    const backend = filesBackend(() => dir);
    const keys = backend.keyValue('test-keys', { maxEntries: 4 });
    expect(backend.keyValue('test-keys', { maxEntries: 4 })).toBe(keys);
    await keys.set(['k'], 'v');
    expect(JSON.parse(readFileSync(join(dir, 'test-keys.json'), 'utf8')).entries[0].value).toBe('v');
    expect(() => backend.keyValue('../escape', { maxEntries: 1 })).toThrow(/namespace/);
  });
});
