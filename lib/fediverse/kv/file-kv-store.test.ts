import { MemoryKvStore } from '@fedify/fedify';
import { mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FileKvStore } from './file-kv-store';
import { kvStoreContract } from './kv-contract';

const fresh = () => join(mkdtempSync(join(tmpdir(), 'shelf-kv-')), 'cache.json');

describe("Fedify's KvStore contract", () => {
  kvStoreContract('MemoryKvStore (the reference)', () => new MemoryKvStore());
  kvStoreContract('FileKvStore', () => new FileKvStore(fresh()));
});

describe('the file key-value store', () => {
  it('keeps its entries across a reopen, readable by its owner only', async () => {
    const file = fresh();
    const first = new FileKvStore(file);
    await first.set(['_fedify', 'publicKey', 'https://x.example/key'], { id: 'k' });
    await first.flush();
    expect(await new FileKvStore(file).get(['_fedify', 'publicKey', 'https://x.example/key'])).toEqual({ id: 'k' });
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });

  it('holds at most its bound, dropping the oldest', async () => {
    const store = new FileKvStore(fresh(), 3);
    for (const n of [1, 2, 3, 4, 5]) await store.set(['k', String(n)], n);
    const keys: string[] = [];
    for await (const e of store.list()) keys.push(e.key[1]!);
    expect(keys).toEqual(['3', '4', '5']);
  });
});
