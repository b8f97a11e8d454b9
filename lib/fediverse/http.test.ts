// The fediverse routes as Next's route handlers call them, on a server's real stores (a temp
// EVENTS_DIR): WebFinger, the actor, content negotiation, the inbox's refusal of unsigned POSTs,
// the outbox and an entry's Note.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readyMediaStore } from '../media/store';
import { finished } from '../media/testing/fixtures';
import { entryObjectAnswer, federationAnswer, outboxAnswer } from './http';
import { readyFediverseStore } from './store';

const SITE = 'https://books.example';
const saved = { ...process.env };
beforeAll(() => {
  process.env.EVENTS_DIR = mkdtempSync(join(tmpdir(), 'shelf-fedi-http-'));
  process.env.SITE_URL = SITE;
  process.env.SHELF_OWNER_NAME = 'Ada Reader';
  process.env.SHELF_HANDLE = 'Ada';
});
afterAll(() => {
  process.env = saved;
});

const AP = { accept: 'application/activity+json' };
const get = (path: string, headers: Record<string, string> = AP) => new Request(`http://127.0.0.1:3000${path}`, { headers });

describe('the fediverse routes', () => {
  it('answer WebFinger for the handle (SHELF_HANDLE, lower case) at the public address', async () => {
    const res = await federationAnswer(get('/.well-known/webfinger?resource=acct:ada@books.example', {}));
    expect(res.status).toBe(200);
    const jrd = await res.json();
    expect(jrd.subject).toBe('acct:ada@books.example');
    expect(jrd.links).toContainEqual(expect.objectContaining({ rel: 'self', type: 'application/activity+json', href: `${SITE}/ap/actors/shelf` }));
    expect((await federationAnswer(get('/.well-known/webfinger?resource=acct:someone@books.example', {}))).status).toBe(404);
    // The actor's URL names it too.
    const byUrl = await federationAnswer(get(`/.well-known/webfinger?resource=${encodeURIComponent(`${SITE}/ap/actors/shelf`)}`, {}));
    expect(byUrl.status).toBe(200);
    expect((await byUrl.json()).links).toContainEqual(expect.objectContaining({ rel: 'self', href: `${SITE}/ap/actors/shelf` }));
  });

  it('serve the actor as a Person with its keys, inboxes, outbox and followers; a browser gets the About page', async () => {
    const res = await federationAnswer(get('/ap/actors/shelf'));
    expect(res.headers.get('content-type')).toMatch(/application\/activity\+json/);
    const actor = await res.json();
    expect(actor).toMatchObject({
      id: `${SITE}/ap/actors/shelf`,
      type: 'Person',
      preferredUsername: 'ada',
      name: 'Ada Reader',
      url: `${SITE}/about`,
      inbox: `${SITE}/ap/actors/shelf/inbox`,
      outbox: `${SITE}/ap/outbox`,
      followers: `${SITE}/ap/actors/shelf/followers`,
      endpoints: { sharedInbox: `${SITE}/ap/inbox` },
    });
    expect(actor.publicKey.publicKeyPem).toMatch(/BEGIN PUBLIC KEY/);
    expect(JSON.stringify(actor.assertionMethod)).toContain('Multikey');
    const page = await federationAnswer(get('/ap/actors/shelf', { accept: 'text/html' }));
    expect([page.status, page.headers.get('location')]).toEqual([303, `${SITE}/about`]);
  });

  it('refuse an unsigned POST to the inbox with 401 and record nothing', async () => {
    const body = JSON.stringify({ '@context': 'https://www.w3.org/ns/activitystreams', id: 'https://x.example/f/1', type: 'Follow', actor: 'https://x.example/u/eve', object: `${SITE}/ap/actors/shelf` });
    for (const path of ['/ap/actors/shelf/inbox', '/ap/inbox']) {
      const res = await federationAnswer(new Request(`http://127.0.0.1:3000${path}`, { method: 'POST', headers: { 'content-type': 'application/activity+json' }, body }));
      expect(res.status).toBe(401);
    }
    const big = await federationAnswer(new Request('http://127.0.0.1:3000/ap/inbox', { method: 'POST', headers: { 'content-type': 'application/activity+json' }, body: 'x'.repeat(300_000) }));
    expect(big.status).toBe(413);
    expect((await readyFediverseStore()).version()).toBe(0);
  });

  it('list public finished entries in the outbox, newest first, and serve each as a Note', async () => {
    const media = await readyMediaStore();
    await media.dispatch(finished('old', { title: 'Older', finishedOn: '2026-01-01' }));
    await media.dispatch(finished('new', { title: 'Newer', finishedOn: '2026-02-01', rating: 3 }));
    await media.dispatch(finished('hidden', { title: 'Hidden', visibility: 'private' }));
    const outbox = await (await outboxAnswer(get('/ap/outbox'))).json();
    expect(outbox).toMatchObject({ type: 'OrderedCollection', totalItems: 2, first: `${SITE}/ap/outbox?page=1` });
    const page = await (await outboxAnswer(get('/ap/outbox?page=1'))).json();
    expect(page.orderedItems.map((a: { type: string; object: { content: string } }) => [a.type, a.object.content.match(/>(\w+)<\/a>/)![1]])).toEqual([
      ['Create', 'Newer'],
      ['Create', 'Older'],
    ]);
    expect((await outboxAnswer(get('/ap/outbox?page=x'))).status).toBe(400);
    expect((await outboxAnswer(get('/ap/outbox?page=2'))).status).toBe(404);
    expect(await (await entryObjectAnswer(get('/ap/entries/new'), 'new')).json()).toMatchObject({ id: `${SITE}/ap/entries/new`, type: 'Note' });
    expect((await entryObjectAnswer(get('/ap/entries/hidden'), 'hidden')).status).toBe(404);
    const browser = await entryObjectAnswer(get('/ap/entries/new', { accept: 'text/html' }), 'new');
    expect([browser.status, browser.headers.get('location')]).toEqual([303, `${SITE}/entries/new`]);
  });
});
