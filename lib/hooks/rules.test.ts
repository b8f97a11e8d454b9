// The pure parts: each server's reader on the cases its recorded payloads do not cover, and the
// plan a delivery becomes against a given log (given a state, when a delivery, then a plan).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { EnvelopeOf } from '../eventstore';
import type { MediaEvent } from '../media/events';
import { evolveMedia, initialMediaState, type MediaState } from '../media/projection';
import { readEmby } from './emby';
import type { HookIntent } from './intent';
import { readJellyfin, templateText } from './jellyfin';
import { planDelivery, type PlanContext } from './plan';
import { plexIds, plexUsernames, readPlex } from './plex';

describe('readers', () => {
  it('Jellyfin: an AudioBook is a finished book named by its album (a book in many files is one entry a day)', () => {
    const chapter = { NotificationType: 'PlaybackStop', PlayedToCompletion: true, ItemType: 'AudioBook', ItemId: 'aa', Name: 'Chapter 7', Album: 'Piranesi', Artist: 'Susanna Clarke' };
    const read = readJellyfin(chapter);
    const next = readJellyfin({ ...chapter, ItemId: 'bb', Name: 'Chapter 8' });
    expect(read).toMatchObject({ read: 'intent', intent: { type: 'finished', item: { kind: 'book', title: 'Piranesi', creator: 'Susanna Clarke' } } });
    expect(read.read === 'intent' && next.read === 'intent' && read.intent.type === 'finished' && next.intent.type === 'finished' && read.intent.item.key === next.intent.item.key).toBe(true);
  });

  it('Jellyfin: undoes the plugin\'s \\" and a template\'s HTML escaping, and reads "True" and "" as a template renders them', () => {
    expect(templateText('The \\"Burbs')).toBe('The "Burbs');
    expect(templateText('Tom &amp; Jerry \\&quot;Live\\&quot;')).toBe('Tom & Jerry "Live"');
    expect(templateText('Am&#233;lie')).toBe('Amélie');
    expect(templateText('')).toBeUndefined();
    expect(readJellyfin({ NotificationType: 'PlaybackStop', PlayedToCompletion: 'False', ItemType: 'Movie' })).toMatchObject({ read: 'ignored', why: 'stopped before the end' });
    expect(readJellyfin({ notificationtype: 'PlaybackStop', playedtocompletion: 'true', itemtype: 'Movie', name: 'Heat', itemid: 'C0FFEE00-0000-0000-0000-000000000001', year: '' })).toMatchObject({
      read: 'intent',
      intent: { item: { title: 'Heat', key: 'c0ffee00000000000000000000000001', year: undefined } },
    });
  });

  it('Jellyfin and Emby: an episode without series id follows its series by name; other item types are ignored by name', () => {
    expect(readJellyfin({ NotificationType: 'PlaybackStop', PlayedToCompletion: true, ItemType: 'Episode', ItemId: 'e1', SeriesName: 'Andor' })).toMatchObject({
      intent: { type: 'episode', episode: { show: { title: 'Andor', key: 'name:andor' }, season: undefined } },
    });
    expect(readEmby({ Event: 'playback.stop', PlaybackInfo: { PlayedToCompletion: true }, Item: { Type: 'TvChannel', Name: 'BBC One' } })).toEqual({
      read: 'ignored', event: 'playback.stop TvChannel', why: 'a TvChannel: only movies, episodes and audiobooks are logged', title: 'BBC One',
    });
    expect(readEmby({ Event: 'playback.stop', PlaybackInfo: { PlayedToCompletion: true } })).toMatchObject({ read: 'refused', fields: { Item: 'missing' } });
  });

  it('Plex: ids from the Guid list or an older agent\'s guid, never the critics\' rating, and PLEX_USERNAMES as a list', () => {
    expect(plexIds({ Guid: [{ id: 'tvdb://1' }, { id: 'tmdb://603' }, { id: 'imdb://tt0133093' }] })).toEqual({ tmdb: '603', imdb: 'tt0133093' });
    expect(plexIds({ guid: 'com.plexapp.agents.themoviedb://603?lang=en' })).toEqual({ tmdb: '603' });
    expect(plexIds({ guid: 'plex://movie/5d776825880197001ec967c6' })).toEqual({});
    const rate = { event: 'media.rate', Account: { title: 'ada' }, Metadata: { type: 'movie', ratingKey: '1', title: 'Heat', rating: 8.6 } };
    expect(readPlex(rate, [])).toMatchObject({ read: 'ignored', why: expect.stringMatching(/^no rating in it/) });
    expect(readPlex({ ...rate, Metadata: { ...rate.Metadata, userRating: 7 } }, [])).toMatchObject({ intent: { type: 'rate', rating: { outOfTen: 7 } } });
    expect(plexUsernames(' ada ,, Bob')).toEqual(['ada', 'Bob']);
    expect(readPlex({ event: 'media.scrobble', Metadata: { type: 'movie', title: 'Heat', ratingKey: '1' } }, ['ada'])).toMatchObject({ read: 'refused', fields: { 'Account.title': 'missing' } });
  });
});

const context: PlanContext = { source: 'plex', today: '2026-11-20', settings: { visibility: 'private', announce: true } };
let seq = 0;
function given(...events: MediaEvent[]): MediaState {
  return events.reduce((state, event) => evolveMedia(state, { ...event, seq: ++seq, id: `e${seq}`, at: '2026-11-19T10:00:00.000Z' } as EnvelopeOf<MediaEvent>), initialMediaState);
}
const show = (entryId: string, title: string, status: 'in-progress' | 'abandoned', progressNote?: string): MediaEvent => ({
  type: 'MediaStarted',
  data: { entryId, kind: 'show', title, status, visibility: 'public', announce: false, ...(progressNote ? { progressNote } : {}) },
});
const episode = (season: number, number: number, title = 'Severance'): HookIntent => ({ type: 'episode', episode: { show: { title, key: '6199' }, key: `ep${season}${number}`, season, episode: number } });

describe('what a delivery becomes', () => {
  it('a finished movie: logged with the owner\'s settings for automatic entries, once a day per item', () => {
    const movie: HookIntent = { type: 'finished', item: { kind: 'movie', title: 'Heat', key: '77', year: 1995, ids: { imdb: 'tt0113277' } } };
    const plan = planDelivery(movie, initialMediaState, context);
    expect(plan).toMatchObject({
      action: 'log', entryId: 'plex-77-20261120', eventId: 'hook:plex:77:2026-11-20',
      input: { kind: 'movie', title: 'Heat', status: 'finished', finishedOn: '2026-11-20', visibility: 'private', announce: true, url: 'https://www.imdb.com/title/tt0113277/' },
    });
    const logged = given({ type: 'MediaFinished', data: { entryId: 'plex-77-20261120', kind: 'movie', title: 'Heat', finishedOn: '2026-11-20', visibility: 'private', announce: true } });
    expect(planDelivery(movie, logged, context)).toMatchObject({ action: 'none', became: 'duplicate' });
    expect(planDelivery(movie, logged, { ...context, today: '2026-11-21' })).toMatchObject({ action: 'log', entryId: 'plex-77-20261121' }); // a rewatch another day
  });

  it('an episode of a show the owner logged by hand (accents and case aside) moves that entry on', () => {
    const state = given(show('mine', 'Sévérance', 'in-progress', 'S01E02'));
    expect(planDelivery(episode(1, 3), state, context)).toMatchObject({ action: 'edit', entryId: 'mine', patch: { progressNote: 'S01E03' }, eventId: 'hook:plex:ep13:2026-11-20' });
  });

  it('a show the owner finished or abandoned stays as it is: finishing a show is the owner\'s call', () => {
    const finished = given(
      show('plex-show-6199', 'Severance', 'in-progress'),
      { type: 'MediaEdited', data: { entryId: 'plex-show-6199', changes: { status: { from: 'in-progress', to: 'finished' }, finishedOn: { from: null, to: '2026-11-19' } } } },
    );
    expect(planDelivery(episode(2, 1), finished, context)).toMatchObject({ action: 'none', became: 'ignored', detail: expect.stringMatching(/is finished: set it back in progress/) });
    expect(planDelivery(episode(2, 1), given(show('x', 'Severance', 'abandoned')), context)).toMatchObject({ became: 'ignored', detail: expect.stringMatching(/is abandoned/) });
    const removed = given(show('plex-show-6199', 'Severance', 'in-progress'), { type: 'MediaRemoved', data: { entryId: 'plex-show-6199' } });
    expect(planDelivery(episode(1, 1), removed, context)).toMatchObject({ became: 'ignored', detail: expect.stringMatching(/was removed/) });
  });

  it('a new show starts in progress today at the episode; a later season counts as later', () => {
    expect(planDelivery(episode(1, 1), initialMediaState, context)).toMatchObject({
      action: 'log', entryId: 'plex-show-6199', input: { kind: 'show', status: 'in-progress', startedOn: '2026-11-20', progressNote: 'S01E01' },
    });
    expect(planDelivery(episode(2, 1), given(show('plex-show-6199', 'Severance', 'in-progress', 'S01E09')), context)).toMatchObject({ action: 'edit', patch: { progressNote: 'S02E01' } });
  });

  it('a rating rounds to halves of 5 and goes to the latest entry of that item', () => {
    const state = given(
      { type: 'MediaFinished', data: { entryId: 'plex-77-20261101', kind: 'movie', title: 'Heat', finishedOn: '2026-11-01', visibility: 'public', announce: false } },
      { type: 'MediaFinished', data: { entryId: 'plex-77-20261119', kind: 'movie', title: 'Heat', finishedOn: '2026-11-19', visibility: 'public', announce: false } },
      { type: 'MediaFinished', data: { entryId: 'plex-777-20261119', kind: 'movie', title: 'Other', finishedOn: '2026-11-19', visibility: 'public', announce: false } },
    );
    const rate = (outOfTen: number, kind: 'movie' | 'show' = 'movie', key = '77'): HookIntent => ({ type: 'rate', rating: { target: { kind, key }, outOfTen } });
    expect(planDelivery(rate(7), state, context)).toMatchObject({ action: 'edit', entryId: 'plex-77-20261119', patch: { rating: 3.5 } });
    expect(planDelivery(rate(1), state, context)).toMatchObject({ patch: { rating: 0.5 } });
    expect(planDelivery(rate(10, 'show', '6199'), given(show('plex-show-6199', 'Severance', 'in-progress')), context)).toMatchObject({ action: 'edit', patch: { rating: 5 } });
  });
});

describe('the docs', () => {
  it('give the Jellyfin template the recorded template payloads were rendered from', () => {
    const docs = readFileSync(new URL('../../docs/automatic-logging.md', import.meta.url), 'utf8');
    const template = readFileSync(new URL('./fixtures/jellyfin-template.handlebars', import.meta.url), 'utf8');
    expect(docs).toContain('```handlebars\n' + template + '```');
  });
});
