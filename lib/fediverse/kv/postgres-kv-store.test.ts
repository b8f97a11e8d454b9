import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { createHub, type PgHub } from '../../eventstore/postgres/hub';
import { testServer } from '../../eventstore/postgres/testing/database';
import { kvStoreContract } from './kv-contract';
import { PostgresKvStore } from './postgres-kv-store';

const server = await testServer();
afterAll(() => server.dropAll(), 120_000);
const hubs: PgHub[] = [];
afterEach(async () => {
  await Promise.all(hubs.splice(0).map((h) => h.close()));
});

async function open(url?: string): Promise<PostgresKvStore> {
  const hub = createHub(url ?? (await server.createDatabase()));
  hubs.push(hub);
  await hub.ready;
  return new PostgresKvStore(hub.sql);
}

describe.skipIf(server.skip !== undefined)("Fedify's KvStore contract on PostgreSQL", () => {
  kvStoreContract('PostgresKvStore', () => open());

  it('is one store for every instance on the database, and a compare-and-swap has one winner', async () => {
    const url = await server.createDatabase();
    const [a, b] = [await open(url), await open(url)];
    await a.set(['_fedify', 'publicKey', 'k'], { id: 'k' });
    expect(await b.get(['_fedify', 'publicKey', 'k'])).toEqual({ id: 'k' });
    const wins = await Promise.all([a.cas(['lock'], undefined, 'a'), b.cas(['lock'], undefined, 'b')]);
    expect(wins.filter(Boolean)).toHaveLength(1);
  });
});
