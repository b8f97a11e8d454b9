// The actor's key pairs: RSA (HTTP Signatures, which Mastodon checks) and Ed25519 (Object
// Integrity Proofs, shown as an assertionMethod). Made once and kept with the other secrets
// (`events/fediverse-keys.json`, 0600), so a restart never changes them: followers' servers
// cache the public key and would refuse a shelf whose key changed. With DATABASE_URL they live in
// the database instead (the first instance to make them wins), so every instance signs with the
// key every instance publishes.
import { join } from 'node:path';
import { exportJwk, generateCryptoKeyPair, importJwk, type KvStore } from '@fedify/fedify';
import { z } from 'zod';
import { eventsDir } from '../config/env';
import { openSecretDocument } from '../documents/document';
import { singleton } from '../eventstore/registry';

export const KEYS_FILE = 'fediverse-keys.json';

const jwk = z.record(z.string(), z.unknown());
const pair = z.object({ privateKey: jwk, publicKey: jwk });
const keysSchema = z.object({ rsa: pair.optional(), ed25519: pair.optional() });
type StoredKeys = z.infer<typeof keysSchema>;

async function exported(pair: CryptoKeyPair) {
  return { privateKey: (await exportJwk(pair.privateKey)) as Record<string, unknown>, publicKey: (await exportJwk(pair.publicKey)) as Record<string, unknown> };
}

async function imported(stored: { privateKey: Record<string, unknown>; publicKey: Record<string, unknown> }): Promise<CryptoKeyPair> {
  return { privateKey: await importJwk(stored.privateKey as JsonWebKey, 'private'), publicKey: await importJwk(stored.publicKey as JsonWebKey, 'public') };
}

/** The key pairs in `file`, made and saved first when missing. */
export async function loadKeyPairs(file: string): Promise<CryptoKeyPair[]> {
  const doc = openSecretDocument<StoredKeys>(file, keysSchema, () => ({}));
  let stored = await doc.read();
  if (!stored.rsa || !stored.ed25519) {
    const rsa = stored.rsa ?? (await exported(await generateCryptoKeyPair('RSASSA-PKCS1-v1_5')));
    const ed25519 = stored.ed25519 ?? (await exported(await generateCryptoKeyPair('Ed25519')));
    stored = await doc.update(() => ({ rsa, ed25519 }));
  }
  return [await imported(stored.rsa!), await imported(stored.ed25519!)];
}

const SHARED_KEYS: readonly [string, string] = ['shelf', 'actor-keys'];

/** The key pairs in a key-value store every instance shares, made by whichever instance asks first. */
export async function loadSharedKeyPairs(kv: Pick<KvStore, 'get' | 'cas'>): Promise<CryptoKeyPair[]> {
  let stored = keysSchema.safeParse(await kv.get(SHARED_KEYS)).data;
  if (!stored?.rsa || !stored.ed25519) {
    const made = { rsa: await exported(await generateCryptoKeyPair('RSASSA-PKCS1-v1_5')), ed25519: await exported(await generateCryptoKeyPair('Ed25519')) };
    // Another instance may have made them meanwhile: then its keys are the ones.
    stored = (await kv.cas!(SHARED_KEYS, undefined, made)) ? made : keysSchema.parse(await kv.get(SHARED_KEYS));
  }
  return [await imported(stored.rsa!), await imported(stored.ed25519!)];
}

async function load(): Promise<CryptoKeyPair[]> {
  const url = process.env.DATABASE_URL;
  if (!url) return loadKeyPairs(join(eventsDir(), KEYS_FILE));
  const { postgresKvStore } = await import('./kv/postgres-kv-store');
  return loadSharedKeyPairs(await postgresKvStore(url));
}

/** The process's key pairs, RSA first (the one HTTP Signatures use). */
export function actorKeyPairs(): Promise<CryptoKeyPair[]> {
  const memo = singleton('fediverse:keys', () => ({ pairs: undefined as Promise<CryptoKeyPair[]> | undefined }));
  return (memo.pairs ??= load().catch((err) => {
    memo.pairs = undefined;
    throw err;
  }));
}
