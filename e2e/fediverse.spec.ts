import { expect, test } from '@playwright/test';
import { isActor, Like, type Actor } from '@fedify/vocab';
import { adminToken } from './support/api';
import { startAppServer, type AppServer } from './support/app-server';
import { loginAsOwner } from './support/admin';
import { follow, startTestActorServer, unfollow, type TestActorServer } from './support/fediverse-actor';

// Shelf against a real second ActivityPub server (Fedify, on local ports): discovery, a signed
// Follow and its Accept, a Create per public entry logged afterwards (none for a private one), an
// Update after an edit, a Delete after removal, and a restart in the middle of deliveries.
let shelf: AppServer;
let alpha: TestActorServer; // alice's server
let beta: TestActorServer; // bob's server, which goes down for a while
let shelfActor: Actor;
let bobFollow: string;
/** How long a stopping Shelf lets deliveries in flight finish (SHUTDOWN_GRACE_MS). */
const GRACE_MS = 4_000;

test.describe.configure({ mode: 'serial' });
test.beforeAll(async () => {
  [alpha, beta] = await Promise.all([startTestActorServer(['alice']), startTestActorServer(['bob'])]);
  shelf = await startAppServer({ OUTBOUND_ALLOW_PRIVATE: '1', SHELF_HANDLE: 'books', FEDIVERSE_RETRY_BASE_MS: '300', FEDIVERSE_MAX_ATTEMPTS: '30', SHUTDOWN_GRACE_MS: String(GRACE_MS) });
});
test.afterAll(async () => {
  await shelf?.stop();
  await Promise.all([alpha?.close(), beta?.close()]);
});

const host = () => new URL(shelf.url).host;
const api = async (method: string, path: string, body?: unknown) => {
  const response = await fetch(`${shelf.url}${path}`, {
    method,
    headers: { authorization: `Bearer ${adminToken()}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
  return response.status === 204 ? undefined : ((await response.json()) as { entry: { id: string } });
};
const ofType = (server: TestActorServer, type: string) => server.received.filter((a) => a.type === type);
const objectOf = (a: { object: unknown }) => a.object as Record<string, unknown>;
const followers = async () => (await (await fetch(`${shelf.url}/ap/actors/shelf/followers`, { headers: { accept: 'application/activity+json' } })).json()).totalItems;

test('a fediverse server finds the shelf by WebFinger and reads its actor', async () => {
  const finger = await fetch(`${shelf.url}/.well-known/webfinger?resource=acct:books@${host()}`);
  expect(finger.status).toBe(200);
  const jrd = (await finger.json()) as { subject: string; links: { rel: string; type?: string; href?: string }[] };
  expect(jrd.subject).toBe(`acct:books@${host()}`);
  const self = jrd.links.find((l) => l.rel === 'self' && l.type === 'application/activity+json');
  expect(self?.href).toBe(`${shelf.url}/ap/actors/shelf`);

  const found = await alpha.context().lookupObject(self!.href!);
  expect(isActor(found)).toBe(true);
  shelfActor = found as Actor;
  expect(shelfActor.preferredUsername?.toString()).toBe('books');
  expect(shelfActor.inboxId?.href).toBe(`${shelf.url}/ap/actors/shelf/inbox`);
  expect(shelfActor.url?.toString()).toBe(`${shelf.url}/about`);
  expect((await shelfActor.getPublicKey())?.id?.href).toMatch(/\/ap\/actors\/shelf#/);

  // A browser asking for the actor gets the About page.
  const page = await fetch(`${shelf.url}/ap/actors/shelf`, { headers: { accept: 'text/html' } });
  expect(page.url).toBe(`${shelf.url}/about`);
  expect(page.status).toBe(200);
});

test('an unsigned or badly signed Follow is refused with 401 and changes nothing', async () => {
  const body = JSON.stringify({ '@context': 'https://www.w3.org/ns/activitystreams', id: `${alpha.url}/forged`, type: 'Follow', actor: alpha.actorUri('alice').href, object: `${shelf.url}/ap/actors/shelf` });
  const unsigned = await fetch(`${shelf.url}/ap/actors/shelf/inbox`, { method: 'POST', headers: { 'content-type': 'application/activity+json' }, body });
  expect(unsigned.status).toBe(401);
  const forged = await fetch(`${shelf.url}/ap/inbox`, {
    method: 'POST',
    headers: { 'content-type': 'application/activity+json', date: new Date().toUTCString(), signature: `keyId="${alpha.actorUri('alice').href}#main-key",algorithm="rsa-sha256",headers="(request-target) host date",signature="AAAA"` },
    body,
  });
  expect(forged.status).toBe(401);
  expect(await followers()).toBe(0);
});

test('a signed Follow is recorded and answered with an Accept', async () => {
  const followId = await follow(alpha, 'alice', shelfActor);
  await expect.poll(() => ofType(alpha, 'Accept').length).toBe(1);
  const accept = ofType(alpha, 'Accept')[0]!;
  expect(accept.object === followId || (objectOf(accept).id as string) === followId).toBe(true);
  bobFollow = await follow(beta, 'bob', shelfActor);
  await expect.poll(() => ofType(beta, 'Accept').length).toBe(1);
  expect(await followers()).toBe(2);
  // Anything else is acknowledged and dropped (Fedify's sendActivity throws on an answer that is not 2xx).
  await alpha.context().sendActivity({ identifier: 'alice' }, shelfActor, new Like({ id: new URL(`${alpha.url}/likes/1`), actor: alpha.actorUri('alice'), object: shelfActor.id }));
  expect(await followers()).toBe(2);
});

test('followers receive a Create for a public entry logged afterwards, none for a private one, then an Update and a Delete', async () => {
  const secret = await api('POST', '/api/media', { kind: 'book', title: 'A private diary', visibility: 'private' });
  const { entry } = (await api('POST', '/api/media', {
    kind: 'book',
    title: 'The Dispossessed',
    creator: 'Ursula K. Le Guin',
    rating: 4.5,
    review: 'Anarres and Urras.\n\n>! Shevek goes home.',
  }))!;
  for (const server of [alpha, beta]) await expect.poll(() => ofType(server, 'Create').length).toBe(1);
  const note = objectOf(ofType(alpha, 'Create')[0]!);
  expect(note.type).toBe('Note');
  expect(String(note.content)).toContain('The Dispossessed');
  expect(String(note.content)).toContain('★★★★½');
  expect(note.summary).toBe('Spoilers: The Dispossessed');
  expect(note.sensitive).toBe(true);
  expect(JSON.stringify(alpha.received)).not.toContain('A private diary');
  expect(secret!.entry.id).not.toBe(entry.id);

  await api('PATCH', `/api/media/${entry.id}`, { rating: 5 });
  for (const server of [alpha, beta]) await expect.poll(() => ofType(server, 'Update').length).toBe(1);
  expect(String(objectOf(ofType(beta, 'Update')[0]!).content)).toContain('★★★★★');

  await api('DELETE', `/api/media/${entry.id}`);
  for (const server of [alpha, beta]) await expect.poll(() => ofType(server, 'Delete').length).toBe(1);
  const deleted = ofType(alpha, 'Delete')[0]!;
  expect(deleted.object === note.id || objectOf(deleted).id === note.id).toBe(true);
  // Each activity arrived once on each server.
  for (const server of [alpha, beta]) {
    const ids = server.wire.filter((w) => w.status < 300).map((w) => w.id);
    expect(new Set(ids).size).toBe(ids.length);
  }
});

test('a restart in the middle of deliveries loses nothing and sends nothing twice', async () => {
  beta.failing = true;
  const { entry } = (await api('POST', '/api/media', { kind: 'movie', title: 'Perfect Days' }))!;
  // Delivered to alice's server; bob's is down and has refused it at least once.
  await expect.poll(() => ofType(alpha, 'Create').length).toBe(2);
  await expect.poll(() => beta.wire.filter((w) => w.type === 'Create' && w.status === 503).length).toBeGreaterThan(0);
  await shelf.restart();
  beta.failing = false;
  await expect.poll(() => ofType(beta, 'Create').length, { timeout: 30_000 }).toBe(2);
  const createId = ofType(beta, 'Create')[1]!.id;
  expect(String(objectOf(ofType(beta, 'Create')[1]!).content)).toContain('Perfect Days');
  // Give a second delivery every chance to show up, then count: one arrival per server.
  await new Promise((r) => setTimeout(r, 2_000));
  expect(alpha.wire.filter((w) => w.id === createId)).toHaveLength(1);
  expect(beta.wire.filter((w) => w.id === createId && w.status < 300)).toHaveLength(1);
  expect(ofType(alpha, 'Create')).toHaveLength(2);
  expect(ofType(beta, 'Create')).toHaveLength(2);
  expect(entry.id).toBeTruthy();
});

test('a delivery in flight at SIGTERM is recorded before the server exits, and not sent again after the restart', async () => {
  // Alice's server takes the Create at once but answers 1.5 s later; the SIGTERM comes meanwhile.
  alpha.answerDelayMs = 1_500;
  await api('POST', '/api/media', { kind: 'book', title: 'Kindred' });
  await expect.poll(() => ofType(alpha, 'Create').length).toBe(3);
  const createId = ofType(alpha, 'Create')[2]!.id;
  await shelf.restart();
  alpha.answerDelayMs = 0;
  await expect.poll(() => ofType(beta, 'Create').length).toBe(3);
  await new Promise((r) => setTimeout(r, 2_000));
  // One POST of it, answered: the outcome was recorded before the exit.
  expect(alpha.wire.filter((w) => w.id === createId).map((w) => w.status < 300)).toEqual([true]);
  expect(shelf.output()).toMatch(/SIGTERM: stopping/);
});

test('a stop gives up a delivery whose server answers past the grace, exits in time, and the restart sends it again under the same id', async () => {
  alpha.answerDelayMs = 20_000;
  await api('POST', '/api/media', { kind: 'book', title: 'Parable of the Sower' });
  await expect.poll(() => ofType(alpha, 'Create').length).toBe(4);
  const createId = ofType(alpha, 'Create')[3]!.id;
  const stopping = Date.now();
  await shelf.stop();
  // The grace, then the delivery is given up: the process never waits for the slow server (20 s).
  expect(Date.now() - stopping).toBeLessThan(GRACE_MS + 5_000);
  expect(shelf.output()).toMatch(/still in flight after 4000 ms: given up unrecorded/);
  alpha.answerDelayMs = 0;
  await shelf.start();
  // Whether the first POST arrived was unknown, so it goes again, as the same activity: the
  // receiving server keeps one (Fedify, as Mastodon, drops an activity id it has seen).
  await expect.poll(() => alpha.wire.filter((w) => w.id === createId && w.status < 300).length, { timeout: 30_000 }).toBeGreaterThan(0);
  expect(ofType(alpha, 'Create')).toHaveLength(4);
});

test('an Undo of a Follow removes the follower; the owner sees the rest, removes one and blocks its server', async ({ page }) => {
  await unfollow(beta, 'bob', shelfActor, bobFollow);
  await expect.poll(followers).toBe(1);

  await loginAsOwner(page, shelf.url);
  await page.goto(`${shelf.url}/admin/settings`);
  await expect(page.getByTestId('fediverse-address')).toHaveText(`@books@${host()}`);
  const alice = `@alice@${new URL(alpha.url).host}`;
  await expect(page.getByTestId('followers')).toHaveText(new RegExp(alice));
  await expect(page.getByTestId('followers')).not.toContainText('@bob@');
  // Bob's server refused a Create before the restart: the failure is in the history.
  await page.goto(`${shelf.url}/admin/history?store=fediverse`);
  await expect(page.getByText(/Could not deliver the Create of entry .* answered 503/).first()).toBeVisible();

  await page.goto(`${shelf.url}/admin/settings`);
  await page.getByRole('button', { name: `Remove ${alice} and block 127.0.0.1` }).click();
  await expect(page.getByRole('list', { name: 'Blocked servers' })).toContainText('127.0.0.1');
  await expect(page.getByText('No followers yet.')).toBeVisible();
  await expect.poll(followers).toBe(0);

  // A Follow from the blocked server is acknowledged and dropped: no Accept, no follower.
  await follow(alpha, 'alice', shelfActor, 2);
  await new Promise((r) => setTimeout(r, 1_500));
  expect(ofType(alpha, 'Accept')).toHaveLength(1);
  expect(await followers()).toBe(0);
});
