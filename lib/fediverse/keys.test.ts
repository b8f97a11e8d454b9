import { exportJwk, MemoryKvStore } from '@fedify/fedify';
import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadKeyPairs, loadSharedKeyPairs } from './keys';

const publicJwk = async (pairs: CryptoKeyPair[]) => Promise.all(pairs.map((p) => exportJwk(p.publicKey)));

describe("the actor's keys", () => {
  it('are an RSA and an Ed25519 pair, made once and the same after a restart, in a file readable by its owner only', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'shelf-keys-')), 'fediverse-keys.json');
    const first = await loadKeyPairs(file);
    expect(first.map((p) => p.privateKey.algorithm.name)).toEqual(['RSASSA-PKCS1-v1_5', 'Ed25519']);
    // What a restart reads is what was made: the file holds these very keys.
    const saved = JSON.parse(readFileSync(file, 'utf8'));
    expect([saved.rsa.publicKey, saved.ed25519.publicKey]).toEqual(await publicJwk(first));
    expect(await publicJwk(await loadKeyPairs(file))).toEqual(await publicJwk(first));
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });

  it('are one pair for every instance sharing a key-value store, whoever makes them first', async () => {
    const kv = new MemoryKvStore();
    const [a, b] = await Promise.all([loadSharedKeyPairs(kv), loadSharedKeyPairs(kv)]);
    expect(await publicJwk(a)).toEqual(await publicJwk(b));
  });
});
