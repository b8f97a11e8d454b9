// The actor's keys across the upgrade on PostgreSQL: the first release kept them in its own table
// (shelf_fedify_kv, key ['shelf', 'actor-keys']); the schema moves that table into shelf_kv, and the
// keys are adopted into their namespace. A changed key would make every follower's server refuse the shelf.
import { exportJwk, generateCryptoKeyPair } from '@fedify/fedify';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { postgresBackend } from '../eventstore/backend';
import { createHub, type PgHub } from '../eventstore/postgres/hub';
import { testServer } from '../eventstore/postgres/testing/database';
import { LEGACY_CACHE_KEY, loadKeyPairs } from './keys';
import { CACHE_NAMESPACE, KEYS_NAMESPACE } from './kv';

const server = await testServer();
afterAll(() => server.dropAll(), 120_000);
const hubs: PgHub[] = [];
afterEach(async () => void (await Promise.all(hubs.splice(0).map((h) => h.close()))));
const hubOf = async (url: string) => {
  const hub = createHub(url);
  hubs.push(hub);
  await hub.ready;
  return hub;
};
const exportedPair = async (pair: CryptoKeyPair) => ({ privateKey: await exportJwk(pair.privateKey), publicKey: await exportJwk(pair.publicKey) });
const publicJwk = (pairs: CryptoKeyPair[]) => Promise.all(pairs.map((p) => exportJwk(p.publicKey)));

describe.skipIf(server.skip !== undefined)("the actor's keys on PostgreSQL", () => {
  it('of an install from the first release are the ones it published', async () => {
    const url = await server.createDatabase();
    const before = await hubOf(url);
    const pairs = [await generateCryptoKeyPair('RSASSA-PKCS1-v1_5'), await generateCryptoKeyPair('Ed25519')];
    await before.sql.unsafe('create table shelf_fedify_kv (key text[] primary key, value jsonb not null, expires_at timestamptz)');
    await before.sql`insert into shelf_fedify_kv (key, value) values (${[...LEGACY_CACHE_KEY]}::text[], ${before.sql.json({ rsa: await exportedPair(pairs[0]!), ed25519: await exportedPair(pairs[1]!) } as never)})`;

    // The next start: the schema moves the table, the keys are adopted from where it went.
    const backend = postgresBackend(await hubOf(url));
    const keys = backend.keyValue(KEYS_NAMESPACE, { maxEntries: 8 });
    const cache = backend.keyValue(CACHE_NAMESPACE, { maxEntries: 5_000, cache: true });
    expect(await publicJwk(await loadKeyPairs({ keys, legacy: { cache } }))).toEqual(await publicJwk(pairs));
    expect(await cache.get(LEGACY_CACHE_KEY)).toBeUndefined();
    expect(await publicJwk(await loadKeyPairs({ keys }))).toEqual(await publicJwk(pairs));
  });
});
