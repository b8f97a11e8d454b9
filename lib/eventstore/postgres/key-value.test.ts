import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { keyValueContract } from '../testing/key-value-contract';
import { postgresBackend } from '../backend';
import { createHub, type PgHub } from './hub';
import { PostgresKeyValueStore } from './key-value';
import { testServer } from './testing/database';

const server = await testServer();
afterAll(() => server.dropAll(), 120_000);
const hubs: PgHub[] = [];
afterEach(async () => {
  await Promise.all(hubs.splice(0).map((h) => h.close()));
});

async function hubOf(url?: string): Promise<PgHub> {
  const hub = createHub(url ?? (await server.createDatabase()));
  hubs.push(hub);
  await hub.ready;
  return hub;
}

describe.skipIf(server.skip !== undefined)("the PostgreSQL backend's key-value store", () => {
  keyValueContract('shelf_kv', async () => new PostgresKeyValueStore(await hubOf(), 'test'));

  it('is one store for every instance on the database, namespaces apart, and a compare-and-swap has one winner', async () => {
    const url = await server.createDatabase();
    const [a, b] = [new PostgresKeyValueStore(await hubOf(url), 'cache'), new PostgresKeyValueStore(await hubOf(url), 'cache')];
    await a.set(['_fedify', 'publicKey', 'k'], { id: 'k' });
    expect(await b.get(['_fedify', 'publicKey', 'k'])).toEqual({ id: 'k' });
    expect(await new PostgresKeyValueStore(await hubOf(url), 'other').get(['_fedify', 'publicKey', 'k'])).toBeUndefined();
    const wins = await Promise.all([a.cas(['lock'], undefined, 'a'), b.cas(['lock'], undefined, 'b')]);
    expect(wins.filter(Boolean)).toHaveLength(1);
  });

  it("moves the fediverse's first table (shelf_fedify_kv) into its namespace at start, keys included", async () => {
    const url = await server.createDatabase();
    const first = await hubOf(url);
    // The first release's table, as it made it, with the actor's keys and a cached document.
    await first.sql.unsafe(`drop table if exists shelf_fedify_kv; create table shelf_fedify_kv (key text[] primary key, value jsonb not null, expires_at timestamptz)`);
    await first.sql`insert into shelf_fedify_kv (key, value) values (${['shelf', 'actor-keys']}::text[], ${first.sql.json({ rsa: { publicKey: { n: '1' } } })}), (${['_fedify', 'remoteDocument', 'x']}::text[], ${first.sql.json({ doc: 1 })})`;
    const backend = postgresBackend(await hubOf(url)); // the next start: the schema runs again
    const cache = backend.keyValue('fediverse-cache', { maxEntries: 10, cache: true });
    expect(await cache.get(['shelf', 'actor-keys'])).toEqual({ rsa: { publicKey: { n: '1' } } });
    expect(await cache.get(['_fedify', 'remoteDocument', 'x'])).toEqual({ doc: 1 });
    const [table] = await first.sql<{ name: string | null }[]>`select to_regclass('shelf_fedify_kv')::text as name`;
    expect(table!.name).toBeNull();
  });
});
