import { exportJwk, generateCryptoKeyPair } from '@fedify/fedify';
import { existsSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { filesBackend } from '../eventstore/backend';
import { FileKeyValueStore } from '../eventstore/file-key-value';
import { LEGACY_CACHE_KEY, LEGACY_KEYS_FILE, loadKeyPairs } from './keys';
import { CACHE_NAMESPACE, KEYS_NAMESPACE } from './kv';

const publicJwk = async (pairs: CryptoKeyPair[]) => Promise.all(pairs.map((p) => exportJwk(p.publicKey)));
const dir = () => mkdtempSync(join(tmpdir(), 'shelf-keys-'));
const places = (d: string) => {
  const backend = filesBackend(() => d);
  return { keys: backend.keyValue(KEYS_NAMESPACE, { maxEntries: 8 }), legacy: { cache: backend.keyValue(CACHE_NAMESPACE, { maxEntries: 100, cache: true }), file: join(d, LEGACY_KEYS_FILE) } };
};
const exportedPair = async (pair: CryptoKeyPair) => ({ privateKey: await exportJwk(pair.privateKey), publicKey: await exportJwk(pair.publicKey) });

describe("the actor's keys", () => {
  it("are an RSA and an Ed25519 pair, made once and the same after a restart, in the backend's store (a file readable by its owner only)", async () => {
    const d = dir();
    const first = await loadKeyPairs(places(d));
    expect(first.map((p) => p.privateKey.algorithm.name)).toEqual(['RSASSA-PKCS1-v1_5', 'Ed25519']);
    // What a restart reads is what was made: the document holds these very keys, on disk.
    const file = join(d, `${KEYS_NAMESPACE}.json`);
    const saved = JSON.parse(readFileSync(file, 'utf8')).entries[0].value;
    expect([saved.rsa.publicKey, saved.ed25519.publicKey]).toEqual(await publicJwk(first));
    const restarted = { keys: new FileKeyValueStore(file, { maxEntries: 8 }) };
    expect(await publicJwk(await loadKeyPairs(restarted))).toEqual(await publicJwk(first));
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });

  it('are one pair for every instance sharing a store, whoever makes them first', async () => {
    const keys = new FileKeyValueStore(join(dir(), 'shared.json'), { maxEntries: 8 });
    const [a, b] = await Promise.all([loadKeyPairs({ keys }), loadKeyPairs({ keys })]);
    expect(await publicJwk(a)).toEqual(await publicJwk(b));
  });

  it("of an install from the first release on files (events/fediverse-keys.json) are kept: adopted, and the old file removed", async () => {
    const d = dir();
    const rsa = await generateCryptoKeyPair('RSASSA-PKCS1-v1_5');
    const ed25519 = await generateCryptoKeyPair('Ed25519');
    writeFileSync(join(d, LEGACY_KEYS_FILE), JSON.stringify({ rsa: await exportedPair(rsa), ed25519: await exportedPair(ed25519) }), { mode: 0o600 });
    const loaded = await loadKeyPairs(places(d));
    expect(await publicJwk(loaded)).toEqual(await publicJwk([rsa, ed25519]));
    expect(existsSync(join(d, LEGACY_KEYS_FILE))).toBe(false);
    expect(await publicJwk(await loadKeyPairs(places(d)))).toEqual(await publicJwk([rsa, ed25519]));
  });

  it('of an install from the first release on PostgreSQL (a row of the cache) are kept, and the row removed', async () => {
    const d = dir();
    const rsa = await generateCryptoKeyPair('RSASSA-PKCS1-v1_5');
    const ed25519 = await generateCryptoKeyPair('Ed25519');
    const p = places(d);
    await p.legacy.cache.set(LEGACY_CACHE_KEY, { rsa: await exportedPair(rsa), ed25519: await exportedPair(ed25519) });
    expect(await publicJwk(await loadKeyPairs(p))).toEqual(await publicJwk([rsa, ed25519]));
    expect(await p.legacy.cache.get(LEGACY_CACHE_KEY)).toBeUndefined();
  });
});
