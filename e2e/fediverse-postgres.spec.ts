// Two Shelf instances on one PostgreSQL database and a fediverse follower (Fedify, local port):
// whichever instance receives the Follow and whichever logs the entry, the follower gets one
// Accept and one Create, signed with the one key both instances publish. Needs TEST_DATABASE_URL;
// without a server it is skipped with the reason, except in CI where that fails.
import { expect, test } from '@playwright/test';
import type { Actor } from '@fedify/vocab';
import { testServer, type TestServer } from '../lib/eventstore/postgres/testing/database';
import { adminToken } from './support/api';
import { startAppServer, type AppServer } from './support/app-server';
import { follow, startTestActorServer, type TestActorServer } from './support/fediverse-actor';

let db: TestServer;
let first: AppServer;
let second: AppServer;
let alpha: TestActorServer;

test.beforeAll(async () => {
  db = await testServer();
  if (db.skip) return;
  const url = await db.createDatabase();
  alpha = await startTestActorServer(['alice']);
  first = await startAppServer({ DATABASE_URL: url, OUTBOUND_ALLOW_PRIVATE: '1' });
  // One public address for both, as behind one proxy: the first's.
  second = await startAppServer({ DATABASE_URL: url, OUTBOUND_ALLOW_PRIVATE: '1', SITE_URL: first.url });
});
test.afterAll(async () => {
  await first?.stop();
  await second?.stop();
  await alpha?.close();
  await db?.dropAll();
});
// Without a PostgreSQL server (outside CI only: testServer() throws in CI) each test is skipped, saying why.
test.beforeEach(() => test.skip(db.skip !== undefined, db.skip));

test('several instances on one database accept a follower once and deliver each entry once', async () => {
  // Both instances publish the same key.
  const keyOf = async (server: AppServer) => (await (await fetch(`${server.url}/ap/actors/shelf`, { headers: { accept: 'application/activity+json' } })).json()).publicKey.publicKeyPem;
  expect(await keyOf(second)).toBe(await keyOf(first));

  const shelf = (await alpha.context().lookupObject(`${first.url}/ap/actors/shelf`)) as Actor;
  await follow(alpha, 'alice', shelf);
  await expect.poll(() => alpha.received.filter((a) => a.type === 'Accept').length, { timeout: 20_000 }).toBe(1);

  const logged = await fetch(`${second.url}/api/media`, {
    method: 'POST',
    headers: { authorization: `Bearer ${adminToken()}`, 'content-type': 'application/json' },
    body: JSON.stringify({ kind: 'game', title: 'Outer Wilds', rating: 5 }),
  });
  expect(logged.status).toBe(201);
  await expect.poll(() => alpha.received.filter((a) => a.type === 'Create').length, { timeout: 20_000 }).toBe(1);
  await new Promise((r) => setTimeout(r, 3_000));
  expect(alpha.wire.filter((w) => w.status < 300).map((w) => w.type)).toEqual(['Accept', 'Create']);
});
