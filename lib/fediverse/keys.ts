// The actor's key pairs: RSA (HTTP Signatures, which Mastodon checks) and Ed25519 (Object
// Integrity Proofs, shown as an assertionMethod). Made once and kept with the other secrets
// (`events/fediverse-keys.json`, 0600), so a restart never changes them: followers' servers
// cache the public key and would refuse a shelf whose key changed.
import { join } from 'node:path';
import { exportJwk, generateCryptoKeyPair, importJwk } from '@fedify/fedify';
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

/** The process's key pairs, RSA first (the one HTTP Signatures use). */
export function actorKeyPairs(): Promise<CryptoKeyPair[]> {
  const memo = singleton('fediverse:keys', () => ({ pairs: undefined as Promise<CryptoKeyPair[]> | undefined }));
  return (memo.pairs ??= loadKeyPairs(join(eventsDir(), KEYS_FILE)).catch((err) => {
    memo.pairs = undefined;
    throw err;
  }));
}
