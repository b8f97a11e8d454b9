// The recorded payloads of each server (fixtures/README.md) replayed through the route, as the
// servers post them: what each becomes, duplicates, ignored events, a wrong secret, bad bodies.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { GET, POST } from '@/app/api/hooks/[source]/[secret]/route';
import { tempDir } from '../eventstore/testing/counter';
import { stampHeaders } from '../http/edge-stamp';
import { removeEntry } from '../media/commands';
import { mediaStore, readyMediaStore } from '../media/store';
import { ownerToday } from '../media/today';
import { readDeliveries } from './hooks-document';
import { resetHookLimits } from './limits';

const SECRET = 'hooks-secret-for-the-tests';
const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url));
const PLEX_TYPE = 'multipart/form-data; boundary=------------------------plexboundary7d6f';
const EMBY_TYPE = 'multipart/form-data; boundary=----EmbyBoundary1b2c3d';

const post = (source: string, body: BodyInit, contentType = 'text/plain; charset=utf-8', secret = SECRET) =>
  POST(new Request(`http://shelf.test/api/hooks/${source}/${secret}`, { method: 'POST', body, headers: { 'content-type': contentType } }), {
    params: Promise.resolve({ source, secret }),
  });
const jellyfin = (name: string) => post('jellyfin', fixture(name));
const plex = (name: string) => post('plex', fixture(name), PLEX_TYPE);
const emby = (name: string) => post('emby', fixture(name), 'application/json');

const saved = { ...process.env };
const today = () => ownerToday();
const day = () => today().replaceAll('-', '');
const version = async () => (await readyMediaStore()).version();
const entry = async (id: string) => (await readyMediaStore()).snapshot().entries.get(id);
const answer = async (response: Response) => ({ status: response.status, body: await response.json() });

beforeAll(() => {
  process.env.EVENTS_DIR = tempDir('shelf-hooks-replay-');
  process.env.HOOKS_SECRET = SECRET;
  delete process.env.PLEX_USERNAMES;
  delete process.env.TMDB_API_KEY;
});
beforeEach(() => resetHookLimits());
afterAll(async () => {
  await mediaStore().close();
  process.env = { ...saved };
});

describe('Jellyfin (webhook plugin, Generic destination)', () => {
  it('logs a movie played to the end as finished today, public, not announced, with a link from its TMDB id', async () => {
    const { status, body } = await answer(await jellyfin('jellyfin-movie-stop-complete.json'));
    const id = `jellyfin-3e0d8a5f1b2c4d6e8f9a0b1c2d3e4f50-${day()}`;
    expect(status).toBe(201);
    expect(body).toMatchObject({ became: 'logged', entry: { id, title: 'Arrival' } });
    expect(await entry(id)).toMatchObject({
      kind: 'movie', title: 'Arrival', status: 'finished', finishedOn: today(), visibility: 'public', announce: false, loggedBy: 'jellyfin',
      url: 'https://www.themoviedb.org/movie/329865',
    });
    const [event] = await (await readyMediaStore()).read(await version());
    expect(event!.id).toBe(`hook:jellyfin:3e0d8a5f1b2c4d6e8f9a0b1c2d3e4f50:${today()}`);
  });

  it('takes the double fire (the same stop again) as the same entry: 200 duplicate, nothing appended', async () => {
    const before = await version();
    const { status, body } = await answer(await jellyfin('jellyfin-movie-stop-complete.json'));
    expect(status).toBe(200);
    expect(body).toMatchObject({ became: 'duplicate', entry: { title: 'Arrival' } });
    expect(await version()).toBe(before);
  });

  it('ignores a stop before the end, a start and music, saying why and appending nothing', async () => {
    const before = await version();
    expect(await answer(await jellyfin('jellyfin-movie-stop-early.json'))).toEqual({ status: 200, body: { ignored: 'stopped before the end' } });
    expect(await answer(await jellyfin('jellyfin-movie-start.json'))).toEqual({ status: 200, body: { ignored: expect.stringMatching(/^PlaybackStart: only/) } });
    expect(await answer(await jellyfin('jellyfin-audio-stop-complete.json'))).toEqual({ status: 200, body: { ignored: 'music is not logged' } });
    expect(await version()).toBe(before);
  });

  it('starts an episode\'s show in progress at S01E03, moves it to S01E04, and leaves it there when S01E03 plays again', async () => {
    const first = await answer(await jellyfin('jellyfin-episode-s01e03-template.json'));
    const id = 'jellyfin-show-7a8b9c0d1e2f4a3b9c4d5e6f7a8b9c0d';
    expect(first).toMatchObject({ status: 201, body: { became: 'logged', entry: { id, title: 'Severance' } } });
    expect(await entry(id)).toMatchObject({ kind: 'show', status: 'in-progress', startedOn: today(), progressNote: 'S01E03', loggedBy: 'jellyfin' });
    expect((await answer(await jellyfin('jellyfin-episode-s01e03-template.json'))).body).toMatchObject({ became: 'duplicate' });
    expect(await answer(await jellyfin('jellyfin-episode-s01e04-template.json'))).toMatchObject({ status: 200, body: { became: 'updated', detail: 'S01E03 -> S01E04' } });
    expect(await entry(id)).toMatchObject({ progressNote: 'S01E04', status: 'in-progress' });
    const before = await version();
    expect((await answer(await jellyfin('jellyfin-episode-s01e03-template.json'))).body).toEqual({ ignored: '“Severance” is already at S01E04, after S01E03' });
    expect(await version()).toBe(before);
  });

  it('reads a template written with {{Name}}: the HTML escaping is undone', async () => {
    const { body } = await answer(await jellyfin('jellyfin-movie-double-braces.json'));
    expect(body.entry.title).toBe("Le Fabuleux Destin d'Amélie Poulain");
    expect(await entry(body.entry.id)).toMatchObject({ url: 'https://www.themoviedb.org/movie/194' });
  });

  it('refuses bodies it cannot read with a 400 naming what is missing, recording nothing', async () => {
    const before = await version();
    const movie = JSON.parse(fixture('jellyfin-movie-stop-complete.json').toString());
    const without = (...keys: string[]) => JSON.stringify(Object.fromEntries(Object.entries(movie).filter(([k]) => !keys.includes(k))));
    expect(await answer(await post('jellyfin', '{"NotificationType": "PlaybackStop",'))).toMatchObject({ status: 400, body: { fields: { body: 'not JSON' } } });
    expect(await answer(await post('jellyfin', '[1, 2]'))).toMatchObject({ status: 400, body: { fields: { body: 'must be a JSON object' } } });
    expect(await answer(await post('jellyfin', without('NotificationType')))).toMatchObject({ status: 400, body: { error: 'Not a Jellyfin webhook: NotificationType is missing', fields: { NotificationType: 'missing' } } });
    expect(await answer(await post('jellyfin', without('PlayedToCompletion')))).toMatchObject({ status: 400, body: { fields: { PlayedToCompletion: 'missing' } } });
    expect(await answer(await post('jellyfin', without('ItemId', 'Name')))).toMatchObject({ status: 400, body: { error: 'Not a complete Jellyfin Movie: Name, ItemId are missing', fields: { Name: 'missing', ItemId: 'missing' } } });
    expect(await answer(await post('jellyfin', ''))).toMatchObject({ status: 400, body: { fields: { body: 'missing' } } });
    expect(await version()).toBe(before);
  });
});

describe('Plex (multipart/form-data, the JSON in "payload")', () => {
  it('logs a scrobbled movie with its director and a TMDB link; the poster part is read past', async () => {
    const { status, body } = await answer(await plex('plex-movie-scrobble.multipart'));
    expect(status).toBe(201);
    expect(await entry(`plex-4512-${day()}`)).toMatchObject({
      kind: 'movie', title: 'Arrival', creator: 'Denis Villeneuve', url: 'https://www.themoviedb.org/movie/329865', finishedOn: today(), loggedBy: 'plex',
    });
    expect(body.entry.id).toBe(`plex-4512-${day()}`);
  });

  it('rates the movie it logged (rating 9 of 10 -> 4.5), once however often the rating arrives', async () => {
    expect(await answer(await plex('plex-movie-rate.multipart'))).toMatchObject({ status: 200, body: { became: 'updated', detail: 'rating none -> 4.5' } });
    expect((await entry(`plex-4512-${day()}`))!.rating).toBe(4.5);
    const before = await version();
    expect((await answer(await plex('plex-movie-rate.multipart'))).body).toMatchObject({ became: 'duplicate' });
    expect(await version()).toBe(before);
  });

  it('ignores play (with its poster), music, and a rating of something it never logged', async () => {
    const before = await version();
    expect((await answer(await plex('plex-movie-play.multipart'))).body).toEqual({ ignored: expect.stringMatching(/^media\.play: only media\.scrobble/) });
    expect((await answer(await plex('plex-track-scrobble.multipart'))).body).toEqual({ ignored: 'music is not logged' });
    const rateOther = fixture('plex-movie-rate.multipart').toString('latin1').replaceAll('"ratingKey":"4512"', '"ratingKey":"999"');
    expect((await answer(await post('plex', Buffer.from(rateOther, 'latin1'), PLEX_TYPE))).body).toEqual({ ignored: expect.stringMatching(/^nothing logged from this server for “Arrival” yet/) });
    expect(await version()).toBe(before);
  });

  it('follows an episode as its show: a show already further along stays, else its own entry starts at S01E03', async () => {
    // Jellyfin's "Severance" is in progress at S01E04: Plex's S01E03 leaves it there.
    expect((await answer(await plex('plex-episode-scrobble.multipart'))).body).toEqual({ ignored: '“Severance” is already at S01E04, after S01E03' });
    expect(await removeEntry('jellyfin-show-7a8b9c0d1e2f4a3b9c4d5e6f7a8b9c0d')).toMatchObject({ ok: true });
    expect((await answer(await plex('plex-episode-scrobble.multipart'))).status).toBe(201);
    expect(await entry('plex-show-6199')).toMatchObject({ kind: 'show', title: 'Severance', status: 'in-progress', progressNote: 'S01E03', loggedBy: 'plex' });
    expect((await answer(await plex('plex-episode-scrobble.multipart'))).body).toMatchObject({ became: 'duplicate' });
  });

  it('reads the older agents\' single guid (com.plexapp.agents.imdb://) for an IMDb link', async () => {
    await plex('plex-legacy-agent-scrobble.multipart');
    expect(await entry(`plex-301-${day()}`)).toMatchObject({ title: 'The Matrix', creator: 'Lana Wachowski', url: 'https://www.imdb.com/title/tt0133093/' });
  });

  it('keeps only the accounts in PLEX_USERNAMES', async () => {
    process.env.PLEX_USERNAMES = 'Ada, someone';
    const before = await version();
    expect((await answer(await plex('plex-shared-user-scrobble.multipart'))).body).toEqual({ ignored: 'played by houseguest, who is not in PLEX_USERNAMES' });
    expect(await version()).toBe(before);
    delete process.env.PLEX_USERNAMES;
  });

  it('refuses a form without its payload, and a payload without an event, naming them', async () => {
    const before = await version();
    const form = new FormData();
    form.set('thumb', new Blob([new Uint8Array([0xff, 0xd8, 0xff, 0xd9])], { type: 'image/jpeg' }), 'image.jpg');
    expect(await answer(await POST(new Request(`http://shelf.test/api/hooks/plex/${SECRET}`, { method: 'POST', body: form }), { params: Promise.resolve({ source: 'plex', secret: SECRET }) }))).toMatchObject({
      status: 400,
      body: { fields: { payload: 'missing' } },
    });
    const noEvent = new FormData();
    noEvent.set('payload', JSON.stringify({ user: true, Metadata: { type: 'movie' } }));
    expect(await answer(await POST(new Request(`http://shelf.test/api/hooks/plex/${SECRET}`, { method: 'POST', body: noEvent }), { params: Promise.resolve({ source: 'plex', secret: SECRET }) }))).toMatchObject({
      status: 400,
      body: { fields: { event: 'missing' } },
    });
    expect(await version()).toBe(before);
  });
});

describe('Emby (JSON, or multipart/form-data with the JSON in "data")', () => {
  it('logs a movie played to completion, and once only', async () => {
    expect((await answer(await emby('emby-movie-stop-complete.json'))).status).toBe(201);
    expect(await entry(`emby-240270-${day()}`)).toMatchObject({ kind: 'movie', title: 'Paterson', url: 'https://www.themoviedb.org/movie/370755', loggedBy: 'emby' });
    expect((await answer(await emby('emby-movie-stop-complete.json'))).body).toMatchObject({ became: 'duplicate' });
  });

  it('ignores a stop before the end and a start', async () => {
    const before = await version();
    expect((await answer(await emby('emby-movie-stop-early.json'))).body).toEqual({ ignored: 'stopped before the end' });
    expect((await answer(await emby('emby-movie-start.json'))).body).toEqual({ ignored: expect.stringMatching(/^playback\.start: only/) });
    expect(await version()).toBe(before);
  });

  it('moves the show in progress under the same title on to the episode, from a multipart delivery', async () => {
    expect(await answer(await post('emby', fixture('emby-episode-stop-complete.multipart'), EMBY_TYPE))).toMatchObject({ status: 200, body: { became: 'updated', detail: 'S01E03 -> S01E05' } });
    expect(await entry('plex-show-6199')).toMatchObject({ progressNote: 'S01E05' });
    expect(await entry('emby-show-240202')).toBeUndefined();
  });

  it('logs an audiobook as a finished book by its author', async () => {
    expect((await answer(await emby('emby-audiobook-stop-complete.json'))).status).toBe(201);
    const books = [...(await readyMediaStore()).snapshot().entries.values()].filter((e) => e.kind === 'book');
    expect(books).toEqual([expect.objectContaining({ title: 'Project Hail Mary', creator: 'Andy Weir', status: 'finished', loggedBy: 'emby' })]);
  });

  it('refuses a stop without PlaybackInfo.PlayedToCompletion, naming it', async () => {
    const stop = JSON.parse(fixture('emby-movie-stop-complete.json').toString());
    delete stop.PlaybackInfo.PlayedToCompletion;
    expect(await answer(await post('emby', JSON.stringify(stop), 'application/json'))).toMatchObject({ status: 400, body: { fields: { 'PlaybackInfo.PlayedToCompletion': 'missing' } } });
  });
});

describe('the secret, the limits and the size', () => {
  it('answers a wrong secret with a 404 that tells nothing, whatever the source, and reads nothing', async () => {
    const before = await version();
    for (const source of ['jellyfin', 'plex', 'nosuch']) {
      const response = await post(source, fixture('jellyfin-movie-stop-complete.json'), 'text/plain', 'not-the-secret-at-all');
      expect(await answer(response)).toEqual({ status: 404, body: { error: 'Not found' } });
    }
    expect(await version()).toBe(before);
  });

  it('answers a GET (a browser opening the URL) with the same 404 for a wrong secret, else a 405 saying what the URL is for', async () => {
    const get = (secret: string) => GET(new Request(`http://shelf.test/api/hooks/plex/${secret}`), { params: Promise.resolve({ source: 'plex', secret }) });
    expect(await answer(await get('wrong-secret-0123456789'))).toEqual({ status: 404, body: { error: 'Not found' } });
    const right = await get(SECRET);
    expect(right.status).toBe(405);
    expect(right.headers.get('allow')).toBe('POST');
  });

  it('locks out a client after 5 wrong hook URLs (429 with Retry-After, even with the right one then), not another client', async () => {
    const from = (client: string, secret: string) =>
      POST(
        new Request(`http://shelf.test/api/hooks/jellyfin/${secret}`, {
          method: 'POST',
          body: fixture('jellyfin-movie-start.json'),
          headers: stampHeaders({ 'content-type': 'text/plain' }, { address: client, key: client, origin: 'http://shelf.test' }),
        }),
        { params: Promise.resolve({ source: 'jellyfin', secret }) },
      );
    for (let i = 0; i < 5; i++) expect((await from('203.0.113.66', `guess-number-${i}-0123456789`)).status).toBe(404);
    const locked = await from('203.0.113.66', SECRET);
    expect(locked.status).toBe(429);
    expect(Number(locked.headers.get('retry-after'))).toBeGreaterThanOrEqual(60);
    expect(await locked.json()).toEqual({ error: expect.stringMatching(/Too many wrong hook URLs from this address: try again in 5 minutes/) });
    expect((await from('198.51.100.66', SECRET)).status).toBe(200);
  });

  it('answers an unknown source with the right secret with a 404 naming the ones there are', async () => {
    expect(await answer(await post('kodi', '{}'))).toEqual({ status: 404, body: { error: 'No hook for "kodi": use jellyfin, plex, emby' } });
  });

  it('caps the body (413) and limits deliveries per client (429 with Retry-After)', async () => {
    process.env.HOOKS_MAX_BYTES = '200';
    expect((await jellyfin('jellyfin-movie-stop-complete.json')).status).toBe(413);
    delete process.env.HOOKS_MAX_BYTES;
    process.env.HOOKS_RATE_LIMIT = '2';
    resetHookLimits();
    expect((await jellyfin('jellyfin-movie-start.json')).status).toBe(200);
    expect((await jellyfin('jellyfin-movie-start.json')).status).toBe(200);
    const refused = await jellyfin('jellyfin-movie-start.json');
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await plex('plex-movie-play.multipart')).status).toBe(200); // each source has its own budget
    delete process.env.HOOKS_RATE_LIMIT;
  });

  it('keeps the last deliveries of each source with what each became, newest first', async () => {
    const { jellyfin: seen, plex: plexSeen } = await readDeliveries();
    expect(seen.length).toBe(10);
    expect(seen[0]).toMatchObject({ event: 'PlaybackStart Movie', became: 'ignored', title: 'Arrival' });
    expect(seen.map((d) => d.became)).toContain('refused');
    expect(plexSeen.find((d) => d.became === 'logged' && d.title === 'The Matrix')).toMatchObject({ event: 'media.scrobble movie', entryId: `plex-301-${day()}` });
  });
});
