import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { resetLookupState } from '../lookup/lookup';
import { startStandIn, type StandIn } from '../lookup/testing/stand-ins';
import { enrich } from './enrich';
import type { Plan } from './plan';

// TMDB's search answers (developer.themoviedb.org: /search/movie, /search/tv): two films called
// "Arrival", the right one second, so only the id can pick it.
let tmdb: StandIn;
let broken: StandIn;
beforeAll(async () => {
  tmdb = await startStandIn((url) => ({
    body: url.pathname.endsWith('/search/tv')
      ? { page: 1, results: [{ id: 95396, name: 'Severance', first_air_date: '2022-02-17', poster_path: '/sev.jpg' }], total_results: 1 }
      : {
          page: 1,
          results: [
            { id: 19995, title: 'Arrival', release_date: '1996-05-31', poster_path: '/arrival-1996.jpg' },
            { id: 329865, title: 'Arrival', release_date: '2016-11-10', poster_path: '/arrival-2016.jpg' },
          ],
          total_results: 2,
        },
  }));
  broken = await startStandIn(() => ({ status: 500 }));
});
afterAll(async () => {
  await Promise.all([tmdb.close(), broken.close()]);
});
afterEach(() => {
  delete process.env.TMDB_API_KEY;
  delete process.env.TMDB_API_URL;
  resetLookupState();
});
const useTmdb = (base: string) => {
  process.env.TMDB_API_KEY = 'a-v3-api-key';
  process.env.TMDB_API_URL = `${base}/3`;
  process.env.TMDB_IMAGE_URL = 'https://img.example/w342';
};

const movie = (tmdbId?: string, url?: string): Extract<Plan, { action: 'log' }> => ({
  action: 'log',
  entryId: 'x',
  eventId: 'y',
  input: { kind: 'movie', title: 'Arrival', url },
  lookup: { kind: 'movie', title: 'Arrival', year: 2016, tmdb: tmdbId },
});

describe('covers and links for automatic entries', () => {
  it('without TMDB configured, keeps the link from the ids and asks nothing', async () => {
    expect(await enrich(movie('329865', 'https://www.themoviedb.org/movie/329865'))).toEqual({ input: { kind: 'movie', title: 'Arrival', url: 'https://www.themoviedb.org/movie/329865' } });
    expect(tmdb.requests).toHaveLength(0);
  });

  it('with TMDB, takes the cover of the film with the same TMDB id, not the first of that title', async () => {
    useTmdb(tmdb.url);
    const { input } = await enrich(movie('329865', 'https://www.themoviedb.org/movie/329865'));
    expect(input).toMatchObject({ coverUrl: 'https://img.example/w342/arrival-2016.jpg', url: 'https://www.themoviedb.org/movie/329865' });
  });

  it('with TMDB and no id, matches the title and the year, and gives a show its cover and link by title', async () => {
    useTmdb(tmdb.url);
    expect((await enrich(movie())).input).toMatchObject({ coverUrl: 'https://img.example/w342/arrival-2016.jpg', url: 'https://www.themoviedb.org/movie/329865' });
    const showPlan: Extract<Plan, { action: 'log' }> = { action: 'log', entryId: 's', eventId: 'e', input: { kind: 'show', title: 'Severance' }, lookup: { kind: 'show', title: 'Severance' } };
    expect((await enrich(showPlan)).input).toMatchObject({ coverUrl: 'https://img.example/w342/sev.jpg', url: 'https://www.themoviedb.org/tv/95396' });
  });

  it('logs without a cover, saying why, when nothing matches or the lookup fails', async () => {
    useTmdb(tmdb.url);
    expect(await enrich(movie('1'))).toEqual({ input: movie('1').input, note: 'no cover: the lookup found no match' });
    resetLookupState();
    useTmdb(broken.url);
    expect(await enrich(movie('329865'))).toEqual({ input: movie('329865').input, note: 'no cover: the lookup failed (tmdb answered 500)' });
  });
});
