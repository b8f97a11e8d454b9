// Micropub as micropub.rocks checks a server (the numbers are its tests), adapted where Shelf's
// entries need a work: each create names one (read-of, watch-of, ...). Not applicable here: 300
// and 301 (multipart uploads) and the 700s (media endpoint): Shelf keeps covers as links.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { tempDir } from '@/lib/eventstore/testing/counter';
import { stampHeaders } from '@/lib/http/edge-stamp';
import { grants } from '@/lib/indieauth/grants';
import { s256 } from '@/lib/indieauth/pkce';
import type { Scope } from '@/lib/indieauth/scopes';
import { mediaStore, readyMediaStore } from '@/lib/media/store';
import { GET, POST } from './route';

const ORIGIN = 'https://shelf.example';
const ADMIN = 't0ken-long-enough-16';
const saved = { ...process.env };

beforeAll(() => {
  process.env.EVENTS_DIR = tempDir('shelf-micropub-');
  process.env.ADMIN_TOKEN = ADMIN;
  process.env.SITE_URL = ORIGIN;
  process.env.MASTODON_URL = 'https://mastodon.example';
  process.env.MASTODON_TOKEN = 'x';
});
afterAll(async () => {
  await mediaStore().close();
  process.env = { ...saved };
});

let clientCount = 0;
/** A token as IndieAuth issues it, with these scopes. */
async function tokenWith(scopes: Scope[]): Promise<string> {
  const verifier = 'v'.repeat(43);
  const client = { clientId: 'https://app.example/', redirectUri: 'https://app.example/cb' };
  const code = await grants().issueCode({ ...client, scopes, challenge: s256(verifier), me: `${ORIGIN}/` });
  const result = await grants().redeemForToken({ code, ...client, verifier });
  if (!result.ok) throw new Error(result.description);
  return result.token;
}

let token = ADMIN;
let client = '';
beforeEach(() => {
  token = ADMIN;
  client = `203.0.113.${++clientCount}`;
});

/** Each test is a client of its own (as the edge stamps it), so wrong tokens in one never lock another out. */
const stamped = (record: Record<string, string>) => stampHeaders(record, { address: client, key: client, origin: ORIGIN }) as Record<string, string>;
const headers = (extra: Record<string, string> = {}) => stamped({ authorization: `Bearer ${token}`, ...extra });
const form = (body: string | URLSearchParams, extra: Record<string, string> = {}) =>
  POST(new Request(`${ORIGIN}/micropub`, { method: 'POST', body: String(body), headers: headers({ 'content-type': 'application/x-www-form-urlencoded', ...extra }) }));
const json = (body: unknown, extra: Record<string, string> = {}) =>
  POST(new Request(`${ORIGIN}/micropub`, { method: 'POST', body: JSON.stringify(body), headers: headers({ 'content-type': 'application/json', ...extra }) }));
const query = (q: string, extra: Record<string, string> = {}) => GET(new Request(`${ORIGIN}/micropub?${q}`, { headers: headers(extra) }));

const version = async () => (await readyMediaStore()).version();
const entryAt = async (location: string | null) => {
  const id = decodeURIComponent(location!.slice(`${ORIGIN}/entries/`.length));
  return (await readyMediaStore()).snapshot().entries.get(id)!;
};
const cite = (name: string, extra: Record<string, unknown[]> = {}) => ({ type: ['h-cite'], properties: { name: [name], ...extra } });

async function expectError(response: Response, status: number, error: string, description?: RegExp) {
  expect(response.status).toBe(status);
  const body = await response.json();
  expect(body.error).toBe(error);
  if (description) expect(body.error_description).toMatch(description);
}

describe('creating (micropub.rocks 100-205)', () => {
  it('100/107: form-encoded h=entry with one category: 201 and Location is the entry page', async () => {
    const response = await form('h=entry&read-of=https://books.example/dune&name=Dune&category=sci-fi&content=Sand.&rating=4.5&published=2026-11-20T21:00:00-08:00');
    expect(response.status).toBe(201);
    expect(response.headers.get('location')).toMatch(new RegExp(`^${ORIGIN}/entries/`));
    expect(await entryAt(response.headers.get('location'))).toMatchObject({
      kind: 'book', title: 'Dune', url: 'https://books.example/dune', tags: ['sci-fi'], review: 'Sand.', rating: 4.5, status: 'finished', finishedOn: '2026-11-20', visibility: 'public',
    });
  });

  it('101: form-encoded with several categories (category[])', async () => {
    const response = await form('h=entry&watch-of=https://films.example/alien&name=Alien&category[]=horror&category[]=space');
    expect((await entryAt(response.headers.get('location'))).tags).toEqual(['horror', 'space']);
  });

  it('104: a photo referenced by URL becomes the cover', async () => {
    const response = await form('h=entry&play-of=https://games.example/hades&name=Hades&photo=https://img.example/hades.jpg');
    expect(await entryAt(response.headers.get('location'))).toMatchObject({ kind: 'game', coverUrl: 'https://img.example/hades.jpg' });
  });

  it('200/201/203/205: JSON with an h-cite, several categories, and a photo with alt text', async () => {
    const response = await json({
      type: ['h-entry'],
      properties: {
        'read-of': [cite('The Left Hand of Darkness', { author: [{ type: ['h-card'], properties: { name: ['Ursula K. Le Guin'] } }], url: ['https://books.example/lhod'] })],
        category: ['sci-fi', 'classic'],
        photo: [{ value: 'https://img.example/lhod.jpg', alt: 'The cover' }],
        'read-status': ['reading'],
        published: ['2026-11-01'],
      },
    });
    expect(response.status).toBe(201);
    expect(await entryAt(response.headers.get('location'))).toMatchObject({
      kind: 'book', title: 'The Left Hand of Darkness', creator: 'Ursula K. Le Guin', url: 'https://books.example/lhod',
      tags: ['sci-fi', 'classic'], coverUrl: 'https://img.example/lhod.jpg', status: 'in-progress', startedOn: '2026-11-01',
    });
  });

  it('202: HTML content is kept as its text (reviews are Markdown, raw HTML is never shown)', async () => {
    const response = await json({ type: ['h-entry'], properties: { 'listen-of': [cite('Some Podcast')], content: [{ html: '<p>Great <b>episode</b>.</p><p>Second<script>x</script></p>' }] } });
    expect(await entryAt(response.headers.get('location'))).toMatchObject({ kind: 'podcast', review: 'Great episode.\n\nSecond' });
  });

  it('the kind from kind or mp-kind, within what the property allows; a draft is kept private; mp-syndicate-to announces', async () => {
    const show = await json({ type: ['h-entry'], properties: { 'watch-of': [cite('Severance')], 'mp-kind': ['show'], 'post-status': ['draft'], 'mp-syndicate-to': ['mastodon'] } });
    expect(await entryAt(show.headers.get('location'))).toMatchObject({ kind: 'show', visibility: 'private', announce: true });
    const before = await version();
    await expectError(await json({ type: ['h-entry'], properties: { 'watch-of': [cite('X')], kind: ['book'] } }), 400, 'invalid_request', /does not go with watch-of/);
    await expectError(await json({ type: ['h-entry'], properties: { 'watch-of': [cite('X')], 'mp-syndicate-to': ['myspace'] } }), 400, 'invalid_request', /myspace is not a configured channel/);
    expect(await version()).toBe(before);
  });

  it('refuses what Shelf cannot keep with invalid_request, recording nothing', async () => {
    const before = await version();
    await expectError(await form('h=entry&content=Just+a+note'), 400, 'invalid_request', /read-of, watch-of/);
    await expectError(await json({ type: ['h-entry'], properties: { 'read-of': [cite('Dune')], 'read-status': ['to-read'] } }), 400, 'invalid_request', /to-read is not recorded/);
    await expectError(await json({ type: ['h-entry'], properties: { 'read-of': [cite('Dune')], rating: [7] } }), 400, 'invalid_request', /^rating: Rating must be at most 5/);
    await expectError(await json({ type: ['h-entry'], properties: { 'read-of': ['https://books.example/x'] } }), 400, 'invalid_request', /needs the work's name/);
    await expectError(await json({ type: ['h-event'], properties: { name: ['Party'] } }), 400, 'invalid_request', /h-entry/);
    await expectError(await json({ type: ['h-entry'], properties: { 'read-of': [cite('')] } }), 400, 'invalid_request', /name \(of the work\): Title is required/);
    await expectError(await form('h=entry&read-of=javascript:alert(1)&name=X'), 400, 'invalid_request', /url \(of the work\)/);
    expect((await POST(new Request(`${ORIGIN}/micropub`, { method: 'POST', body: 'x', headers: headers({ 'content-type': 'multipart/form-data; boundary=x' }) }))).status).toBe(415);
    expect(await version()).toBe(before);
  });
});

describe('updating (micropub.rocks 400-405)', () => {
  async function created() {
    const response = await json({ type: ['h-entry'], properties: { 'read-of': [cite('Piranesi')], content: ['First take.'], category: ['fantasy', 'maze'], rating: [4] } });
    return response.headers.get('location')!;
  }

  it('400: replace a property; 401: add a value; 402: add to a missing property; 403: remove a value; 404: remove a property', async () => {
    const url = await created();
    expect((await json({ action: 'update', url, replace: { content: ['Second take.'] } })).status).toBe(204);
    expect((await entryAt(url)).review).toBe('Second take.');
    await json({ action: 'update', url, add: { category: ['house'] } });
    expect((await entryAt(url)).tags).toEqual(['fantasy', 'maze', 'house']);
    await json({ action: 'update', url, delete: ['rating'] });
    await json({ action: 'update', url, add: { rating: [5] } });
    expect((await entryAt(url)).rating).toBe(5);
    await json({ action: 'update', url, delete: { category: ['maze'] } });
    expect((await entryAt(url)).tags).toEqual(['fantasy', 'house']);
    await json({ action: 'update', url, delete: ['category', 'content'] });
    const entry = await entryAt(url);
    expect(entry.tags).toBeUndefined();
    expect(entry.review).toBeUndefined();
  });

  it('replaces the work and finishes a book in progress with read-status', async () => {
    const response = await json({ type: ['h-entry'], properties: { 'read-of': [cite('Drafty')], 'read-status': ['reading'] } });
    const url = response.headers.get('location')!;
    await json({ action: 'update', url, replace: { 'read-of': [cite('Dune', { author: ['Frank Herbert'] })], 'read-status': ['finished'], published: ['2026-11-02'] } });
    expect(await entryAt(url)).toMatchObject({ title: 'Dune', creator: 'Frank Herbert', status: 'finished', finishedOn: '2026-11-02' });
  });

  it('405: refuses an operation that is not a list, and what the rules refuse, recording nothing', async () => {
    const url = await created();
    const before = await version();
    await expectError(await json({ action: 'update', url, replace: { content: 'not a list' } }), 400, 'invalid_request', /replace.content must be a list/);
    await expectError(await json({ action: 'update', url, add: { content: ['again'] } }), 400, 'invalid_request', /use replace/);
    await expectError(await json({ action: 'update', url, replace: { rating: [9] } }), 400, 'invalid_request', /rating/);
    await expectError(await json({ action: 'update', url, replace: { syndication: ['https://x'] } }), 400, 'invalid_request', /cannot store syndication/);
    await expectError(await json({ action: 'update', url: `${ORIGIN}/entries/nope`, replace: { rating: [1] } }), 400, 'invalid_request', /not an entry/);
    await expectError(await json({ action: 'update', url: 'https://elsewhere.example/entries/x', replace: { rating: [1] } }), 400, 'invalid_request', /not an entry/);
    expect(await version()).toBe(before);
  });
});

describe('deleting (micropub.rocks 500-503)', () => {
  it('500/502: deletes and undeletes form-encoded; 501/503: the same in JSON', async () => {
    const url = (await json({ type: ['h-entry'], properties: { 'play-of': [cite('Celeste')] } })).headers.get('location')!;
    expect((await form(new URLSearchParams({ action: 'delete', url }))).status).toBe(204);
    expect((await entryAt(url)).removed).toBe(true);
    expect((await form(new URLSearchParams({ action: 'undelete', url }))).status).toBe(204);
    expect((await entryAt(url)).removed).toBe(false);
    expect((await json({ action: 'delete', url })).status).toBe(204);
    expect((await entryAt(url)).removed).toBe(true);
    const before = await version();
    expect((await json({ action: 'delete', url })).status).toBe(204);
    expect(await version()).toBe(before);
    expect((await json({ action: 'undelete', url })).status).toBe(204);
    expect((await entryAt(url)).removed).toBe(false);
  });
});

describe('queries (micropub.rocks 600-603)', () => {
  it('600/601: q=config and q=syndicate-to list the configured channels', async () => {
    const config = await (await query('q=config')).json();
    expect(config['syndicate-to']).toEqual([{ uid: 'mastodon', name: 'Mastodon' }]);
    expect(config.q).toEqual(['config', 'source', 'syndicate-to']);
    expect(await (await query('q=syndicate-to')).json()).toEqual({ 'syndicate-to': [{ uid: 'mastodon', name: 'Mastodon' }] });
  });

  it('602/603: q=source gives every property, or the ones asked for', async () => {
    const url = (await json({ type: ['h-entry'], properties: { 'read-of': [cite('Kindred', { author: ['Octavia E. Butler'] })], category: ['classic'], rating: [5], published: ['2026-10-10'] } })).headers.get('location')!;
    expect(await (await query(`q=source&url=${encodeURIComponent(url)}`)).json()).toEqual({
      type: ['h-entry'],
      properties: {
        'read-of': [{ type: ['h-cite'], properties: { name: ['Kindred'], author: ['Octavia E. Butler'] } }],
        kind: ['book'], 'read-status': ['finished'], published: ['2026-10-10'], rating: [5], category: ['classic'], visibility: ['public'], 'post-status': ['published'],
      },
    });
    expect(await (await query(`q=source&url=${encodeURIComponent(url)}&properties[]=rating&properties[]=category`)).json()).toEqual({ properties: { rating: [5], category: ['classic'] } });
    await expectError(await query('q=nonsense'), 400, 'invalid_request');
  });
});

describe('authentication (micropub.rocks 800-804) and scopes', () => {
  it('800: accepts an IndieAuth token in the header', async () => {
    token = await tokenWith(['create']);
    expect((await json({ type: ['h-entry'], properties: { 'read-of': [cite('Header')] } })).status).toBe(201);
  });

  it('801/802: accepts access_token in a form body, and never keeps it as a property', async () => {
    const access = await tokenWith(['create']);
    const response = await POST(new Request(`${ORIGIN}/micropub`, { method: 'POST', body: `h=entry&read-of=https://b.example/x&name=Body&access_token=${access}`, headers: stamped({ 'content-type': 'application/x-www-form-urlencoded' }) }));
    expect(response.status).toBe(201);
    expect(JSON.stringify(await entryAt(response.headers.get('location')))).not.toContain(access);
  });

  it('803: refuses a request without a token (401 unauthorized), and a wrong one (403 forbidden)', async () => {
    const before = await version();
    const anonymous = await POST(new Request(`${ORIGIN}/micropub`, { method: 'POST', body: 'h=entry&read-of=https://b.example/x&name=X', headers: stamped({ 'content-type': 'application/x-www-form-urlencoded' }) }));
    await expectError(anonymous, 401, 'unauthorized');
    token = 'not-a-token-anyone-issued';
    await expectError(await form('h=entry&read-of=https://b.example/x&name=X'), 403, 'forbidden');
    await expectError(await query('q=config'), 403, 'forbidden');
    expect(await version()).toBe(before);
  });

  it('804: refuses an action the token has no scope for (insufficient_scope, naming it), recording nothing', async () => {
    const url = (await json({ type: ['h-entry'], properties: { 'read-of': [cite('Scoped')] } })).headers.get('location')!;
    const before = await version();
    token = await tokenWith(['create']);
    const refused = await json({ action: 'update', url, replace: { rating: [1] } });
    expect(refused.status).toBe(403);
    expect(await refused.json()).toMatchObject({ error: 'insufficient_scope', scope: 'update' });
    await expectError(await json({ action: 'delete', url }), 403, 'insufficient_scope');
    token = await tokenWith(['update']);
    await expectError(await json({ type: ['h-entry'], properties: { 'read-of': [cite('No')] } }), 403, 'insufficient_scope');
    expect(await version()).toBe(before);
  });

  it('a revoked token is refused', async () => {
    token = await tokenWith(['create', 'update', 'delete']);
    await grants().revokeToken(token);
    await expectError(await json({ type: ['h-entry'], properties: { 'read-of': [cite('Late')] } }), 403, 'forbidden');
  });
});
