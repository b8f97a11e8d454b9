// The actor's key pairs: RSA (HTTP Signatures, which Mastodon checks) and Ed25519 (Object
// Integrity Proofs, shown as an assertionMethod). Made once and kept in the backend's key-value
// store (./kv.ts: `events/fediverse-actor-keys.json`, 0600, on files; a row every instance shares
// on PostgreSQL, made by whichever instance asks first), so a restart never changes them and every
// instance signs with the key every instance publishes: followers' servers cache the public key
// and would refuse a shelf whose key changed. Keys an earlier release kept elsewhere are adopted.
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { exportJwk, generateCryptoKeyPair, importJwk } from '@fedify/fedify';
import { z } from 'zod';
import { eventsDir } from '../config/env';
import { createStandaloneDocument } from '../documents/document';
import type { KeyValueStore, KvKey } from '../eventstore/key-value';
import { singleton } from '../eventstore/registry';
import { actorKeyStore, fediverseCache } from './kv';

const jwk = z.record(z.string(), z.unknown());
const pair = z.object({ privateKey: jwk, publicKey: jwk });
const keysSchema = z.object({ rsa: pair.optional(), ed25519: pair.optional() });
type StoredKeys = z.infer<typeof keysSchema>;
type CompleteKeys = Required<StoredKeys>;

/** Their key in the store. */
const ACTOR: KvKey = ['actor'];

/**
 * Where the first release kept them: on files a secret document of their own in EVENTS_DIR; on
 * PostgreSQL a row of Fedify's cache table, which the schema moved into the cache's namespace.
 */
export const LEGACY_KEYS_FILE = 'fediverse-keys.json';
export const LEGACY_CACHE_KEY: KvKey = ['shelf', 'actor-keys'];

export interface KeyPlaces {
  keys: KeyValueStore;
  /** Where earlier releases kept them, read when the store has none yet. */
  legacy?: { cache?: KeyValueStore; file?: string };
}

async function exported(pair: CryptoKeyPair) {
  return { privateKey: (await exportJwk(pair.privateKey)) as Record<string, unknown>, publicKey: (await exportJwk(pair.publicKey)) as Record<string, unknown> };
}

async function imported(stored: { privateKey: Record<string, unknown>; publicKey: Record<string, unknown> }): Promise<CryptoKeyPair> {
  return { privateKey: await importJwk(stored.privateKey as JsonWebKey, 'private'), publicKey: await importJwk(stored.publicKey as JsonWebKey, 'public') };
}

const complete = (stored: StoredKeys | undefined): stored is CompleteKeys => !!stored?.rsa && !!stored.ed25519;

/** The first release's keys, if it left any. */
async function legacyKeys(legacy: KeyPlaces['legacy']): Promise<StoredKeys | undefined> {
  const cached = keysSchema.safeParse(await legacy?.cache?.get(LEGACY_CACHE_KEY)).data;
  if (cached?.rsa) return cached;
  if (!legacy?.file) return undefined;
  const fromFile = await createStandaloneDocument<StoredKeys | null>(legacy.file, keysSchema.nullable(), () => null).read();
  return fromFile?.rsa ? fromFile : undefined;
}

/** Removes the first release's copy once the store holds those very keys. */
async function forgetLegacy(legacy: KeyPlaces['legacy'], adopted: StoredKeys): Promise<void> {
  const cached = keysSchema.safeParse(await legacy?.cache?.get(LEGACY_CACHE_KEY)).data;
  if (cached?.rsa && JSON.stringify(cached.rsa) === JSON.stringify(adopted.rsa)) await legacy!.cache!.delete(LEGACY_CACHE_KEY);
  if (legacy?.file) await rm(legacy.file, { force: true });
}

/** The key pairs in the store, made (or adopted from an earlier release) first when missing; RSA first. */
export async function loadKeyPairs({ keys, legacy }: KeyPlaces): Promise<CryptoKeyPair[]> {
  const raw = await keys.get(ACTOR);
  let stored = raw === undefined ? undefined : keysSchema.parse(raw);
  if (!complete(stored)) {
    const before = stored;
    const adopted = before ? undefined : await legacyKeys(legacy);
    const base = before ?? adopted ?? {};
    const made: CompleteKeys = {
      rsa: base.rsa ?? (await exported(await generateCryptoKeyPair('RSASSA-PKCS1-v1_5'))),
      ed25519: base.ed25519 ?? (await exported(await generateCryptoKeyPair('Ed25519'))),
    };
    // Another instance may have made them meanwhile: then its keys are the ones.
    stored = (await keys.cas(ACTOR, raw, made)) ? made : keysSchema.parse(await keys.get(ACTOR));
    if (adopted && JSON.stringify(stored.rsa) === JSON.stringify(adopted.rsa)) await forgetLegacy(legacy, adopted);
  }
  const { rsa, ed25519 } = stored as CompleteKeys;
  return [await imported(rsa), await imported(ed25519)];
}

/** The process's key pairs, RSA first (the one HTTP Signatures use). */
export function actorKeyPairs(): Promise<CryptoKeyPair[]> {
  const memo = singleton('fediverse:keys', () => ({ pairs: undefined as Promise<CryptoKeyPair[]> | undefined }));
  return (memo.pairs ??= loadKeyPairs({ keys: actorKeyStore(), legacy: { cache: fediverseCache(), file: join(eventsDir(), LEGACY_KEYS_FILE) } }).catch((err) => {
    memo.pairs = undefined;
    throw err;
  }));
}
