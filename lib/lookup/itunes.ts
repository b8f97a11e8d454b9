// Movies, shows and podcasts: the iTunes Search API (no key).
// GET /search?term=...&media=movie|tvShow|podcast&entity=movie|tvSeason|podcast&limit=N
//   -> { resultCount, results: [{ trackName, collectionName, artistName, releaseDate, artworkUrl100, artworkUrl600, trackViewUrl, collectionViewUrl }] }
import type { Kind } from '../media/kinds';
import { httpUrl, records, text, yearOf } from './fields';
import { MAX_RESULTS, type LookupSource } from './types';

const QUERY: Partial<Record<Kind, { media: string; entity: string }>> = {
  movie: { media: 'movie', entity: 'movie' },
  show: { media: 'tvShow', entity: 'tvSeason' },
  podcast: { media: 'podcast', entity: 'podcast' },
};

/** Artwork comes as 100x100; the same URL serves larger sizes. */
const largerArtwork = (url: string | undefined) => url?.replace(/\/(\d+)x(\d+)(bb)?\.(jpg|png)$/, '/600x600bb.$4');

export function iTunes(searchUrl: string): LookupSource {
  return {
    name: 'itunes',
    kinds: ['movie', 'show', 'podcast'],
    // Apple documents "approximately 20 calls per minute".
    perMinute: 20,
    request: (kind, q) => ({ url: `${searchUrl}?${new URLSearchParams({ term: q, ...QUERY[kind], limit: String(MAX_RESULTS) })}` }),
    parse: (kind, body) =>
      records((body as { results?: unknown })?.results).flatMap((item) => {
        // A movie is a track; a TV season and a podcast are collections.
        const title = kind === 'movie' ? text(item.trackName) : text(item.collectionName) ?? text(item.trackName);
        if (!title) return [];
        return [{
          title,
          creator: text(item.artistName),
          year: yearOf(item.releaseDate),
          coverUrl: httpUrl(item.artworkUrl600) ?? largerArtwork(httpUrl(item.artworkUrl100)),
          url: kind === 'movie' ? httpUrl(item.trackViewUrl) : httpUrl(item.collectionViewUrl) ?? httpUrl(item.trackViewUrl),
          source: 'itunes',
        }];
      }),
  };
}
