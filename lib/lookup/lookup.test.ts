import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { lookup, LookupError, resetLookupState } from './lookup';
import { iTunesMovieAnswer, openLibraryAnswer, startStandIn, type StandIn } from './testing/stand-ins';
import { MinuteWindow } from '../limits/minute-window';

const saved = { ...process.env };
let openLibrary: StandIn;
let itunes: StandIn;
let tmdbServer: StandIn;
let slow: StandIn;

beforeAll(async () => {
  openLibrary = await startStandIn((url) => (url.pathname === '/search.json' ? { body: openLibraryAnswer(url.searchParams.get('q')!) } : { status: 404 }));
  itunes = await startStandIn((url) => {
    const media = url.searchParams.get('media');
    if (media === 'movie') return { body: iTunesMovieAnswer() };
    if (media === 'tvShow') return { body: { resultCount: 1, results: [{ wrapperType: 'collection', collectionType: 'TV Season', artistName: 'Severance', collectionName: 'Severance, Season 1', collectionViewUrl: 'https://itunes.apple.com/us/tv-season/severance-season-1/id1', artworkUrl100: 'https://is1.example/100x100bb.jpg', releaseDate: '2022-02-18T08:00:00Z' }] } };
    return { body: { resultCount: 1, results: [{ wrapperType: 'track', kind: 'podcast', collectionName: 'Hardcore History', trackName: 'Hardcore History', artistName: 'Dan Carlin', collectionViewUrl: 'https://podcasts.apple.com/us/podcast/id173001861', artworkUrl600: 'https://is1.example/600x600bb.jpg', releaseDate: '2024-01-01T00:00:00Z' }] } };
  });
  tmdbServer = await startStandIn((url) => ({
    body: url.pathname.endsWith('/search/tv')
      ? { page: 1, results: [{ id: 95396, name: 'Severance', first_air_date: '2022-02-17', poster_path: '/sev.jpg' }], total_results: 1 }
      : { page: 1, results: [{ id: 329865, title: 'Arrival', release_date: '2016-11-10', poster_path: '/arr.jpg' }], total_results: 1 },
  }));
  slow = await startStandIn(() => ({ hang: true }));
});
afterAll(async () => {
  await Promise.all([openLibrary, itunes, tmdbServer, slow].map((s) => s.close()));
});
afterEach(() => {
  process.env = { ...saved };
  resetLookupState();
});
const useStandIns = () => {
  process.env.OPENLIBRARY_URL = openLibrary.url;
  process.env.OPENLIBRARY_COVERS_URL = 'https://covers.example';
  process.env.ITUNES_SEARCH_URL = `${itunes.url}/search`;
  delete process.env.TMDB_API_KEY;
};

describe('lookup', () => {
  it('finds books on Open Library, with covers from its covers service, and sends an identifying User-Agent', async () => {
    useStandIns();
    const answer = await lookup('book', 'dune');
    expect(answer).toEqual({
      source: 'openlibrary',
      results: [
        { title: 'Dune', creator: 'Frank Herbert', year: 1965, coverUrl: 'https://covers.example/b/id/11481354-M.jpg', url: `${openLibrary.url}/works/OL893415W`, source: 'openlibrary' },
        { title: 'Dune Messiah', creator: 'Frank Herbert', year: 1969, coverUrl: 'https://covers.example/b/isbn/0399128492-M.jpg', url: `${openLibrary.url}/works/OL1963268W`, source: 'openlibrary' },
      ],
    });
    const request = openLibrary.requests.at(-1)!;
    expect(new URL(request.url, 'http://x').searchParams.get('q')).toBe('dune');
    expect(request.headers['user-agent']).toMatch(/^Shelf\//);
  });

  it('answers a repeated question from its cache', async () => {
    useStandIns();
    const before = openLibrary.requests.length;
    await lookup('book', 'Hyperion');
    await lookup('book', 'hyperion');
    expect(openLibrary.requests.length).toBe(before + 1);
  });

  it('finds movies, shows and podcasts on iTunes', async () => {
    useStandIns();
    expect((await lookup('movie', 'arrival')).results).toEqual([
      { title: 'Arrival', creator: 'Denis Villeneuve', year: 2016, coverUrl: 'https://is1-ssl.mzstatic.com/image/thumb/Video/v4/aa/bb/cc/source/600x600bb.jpg', url: 'https://itunes.apple.com/us/movie/arrival/id1179423218?uo=4', source: 'itunes' },
    ]);
    expect((await lookup('show', 'severance')).results[0]).toMatchObject({ title: 'Severance, Season 1', year: 2022, coverUrl: 'https://is1.example/600x600bb.jpg' });
    expect((await lookup('podcast', 'hardcore')).results[0]).toMatchObject({ title: 'Hardcore History', creator: 'Dan Carlin', coverUrl: 'https://is1.example/600x600bb.jpg' });
    const asked = itunes.requests.map((r) => new URL(r.url, 'http://x').searchParams);
    expect(asked.map((p) => [p.get('media'), p.get('entity')])).toEqual([['movie', 'movie'], ['tvShow', 'tvSeason'], ['podcast', 'podcast']]);
  });

  it('uses TMDB for movies and shows when TMDB_API_KEY is set (a v4 token as Bearer)', async () => {
    useStandIns();
    process.env.TMDB_API_KEY = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln';
    process.env.TMDB_API_URL = `${tmdbServer.url}/3`;
    process.env.TMDB_IMAGE_URL = 'https://img.example/w342';
    expect(await lookup('movie', 'arrival')).toEqual({
      source: 'tmdb',
      results: [{ title: 'Arrival', year: 2016, coverUrl: 'https://img.example/w342/arr.jpg', url: 'https://www.themoviedb.org/movie/329865', source: 'tmdb' }],
    });
    expect((await lookup('show', 'severance')).results[0]).toMatchObject({ title: 'Severance', url: 'https://www.themoviedb.org/tv/95396' });
    expect(tmdbServer.requests[0]!.headers.authorization).toBe(`Bearer ${process.env.TMDB_API_KEY}`);
    expect(tmdbServer.requests[0]!.url).toMatch(/^\/3\/search\/movie\?query=arrival/);
    expect((await lookup('podcast', 'hardcore')).source).toBe('itunes');
  });

  it('says so for kinds without a source', async () => {
    useStandIns();
    expect(await lookup('game', 'outer wilds')).toEqual({ results: [], source: null, message: 'No lookup for games: fill in the fields yourself' });
  });

  it('gives up on a source after 3 s, and reports a failing one', async () => {
    useStandIns();
    process.env.OPENLIBRARY_URL = slow.url;
    await expect(lookup('book', 'slow')).rejects.toMatchObject({ name: 'LookupError', status: 504 });
    process.env.OPENLIBRARY_URL = `${openLibrary.url}/missing`;
    await expect(lookup('book', 'gone')).rejects.toThrow(LookupError);
  });
});

describe('MinuteWindow', () => {
  it('allows `limit` in any minute, then says when the next slot frees', () => {
    const window = new MinuteWindow(2);
    expect(window.take(0).ok).toBe(true);
    expect(window.take(10_000).ok).toBe(true);
    expect(window.take(20_000)).toEqual({ ok: false, retryInMs: 40_000 });
    expect(window.take(60_000).ok).toBe(true);
  });
});
