// Links from the ids a media server knows (no lookup needed): TMDB's page, else IMDb's.
import type { ExternalIds } from './intent';

export const tmdbMovieUrl = (id: string) => `https://www.themoviedb.org/movie/${id}`;

export function linkFromIds(kind: string, ids: ExternalIds): string | undefined {
  if (kind !== 'movie') return undefined;
  if (ids.tmdb && /^\d{1,12}$/.test(ids.tmdb)) return tmdbMovieUrl(ids.tmdb);
  if (ids.imdb && /^tt\d{1,12}$/.test(ids.imdb)) return `https://www.imdb.com/title/${ids.imdb}/`;
  return undefined;
}
