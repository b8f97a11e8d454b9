// Movies and shows from TMDB when TMDB_API_KEY is set (https://developer.themoviedb.org/reference).
// GET /search/movie?query=... -> { results: [{ id, title, release_date, poster_path }] }
// GET /search/tv?query=...    -> { results: [{ id, name, first_air_date, poster_path }] }
// The key is a v3 API key (api_key=) or a v4 read access token (a JWT, sent as Bearer).
import { records, text, yearOf } from './fields';
import { MAX_RESULTS, type LookupSource } from './types';

export function tmdb(apiUrl: string, apiKey: string, imageUrl: string): LookupSource {
  const base = apiUrl.replace(/\/+$/, '');
  const bearer = apiKey.split('.').length === 3;
  return {
    name: 'tmdb',
    kinds: ['movie', 'show'],
    // TMDB's limit is about 50 requests a second per address; far more than one owner types.
    perMinute: 600,
    request: (kind, q) => {
      const params = new URLSearchParams({ query: q, include_adult: 'false' });
      if (!bearer) params.set('api_key', apiKey);
      return {
        url: `${base}/search/${kind === 'show' ? 'tv' : 'movie'}?${params}`,
        headers: bearer ? { authorization: `Bearer ${apiKey}` } : undefined,
      };
    },
    parse: (kind, body) =>
      records((body as { results?: unknown })?.results)
        .slice(0, MAX_RESULTS)
        .flatMap((item) => {
          const title = text(kind === 'show' ? item.name : item.title);
          const id = typeof item.id === 'number' ? item.id : undefined;
          if (!title || id === undefined) return [];
          const poster = text(item.poster_path);
          return [{
            title,
            year: yearOf(kind === 'show' ? item.first_air_date : item.release_date),
            coverUrl: poster?.startsWith('/') ? `${imageUrl.replace(/\/+$/, '')}${poster}` : undefined,
            url: `https://www.themoviedb.org/${kind === 'show' ? 'tv' : 'movie'}/${id}`,
            source: 'tmdb',
          }];
        }),
  };
}
