// IMDb's ratings export (Your Ratings > Export): Const, Your Rating (1-10), Date Rated, Title,
// Original Title, URL, Title Type, IMDb Rating, Runtime (mins), Year, Genres, Num Votes, Release
// Date, Directors. Title Type is "Movie", "TV Series" ... in today's files and "movie",
// "tvSeries" ... in older ones; older files were also written in Latin-1 rather than UTF-8.
import type { ImportCandidate } from './candidate';
import { readCsv } from './csv';
import { mapInSlices } from './yielding';
import { halfStars, isoDay } from './text';

const REQUIRED = ['Const', 'Your Rating', 'Date Rated', 'Title', 'Title Type'] as const;

/** Title Type, spaces and case aside ("TV Series" and "tvSeries" alike), to what it becomes. */
const KINDS: Record<string, 'movie' | 'show' | { skip: string }> = {
  movie: 'movie',
  tvmovie: 'movie',
  tvseries: 'show',
  tvminiseries: 'show',
  tvepisode: { skip: 'an episode: its series is what Shelf keeps (rate the series to bring it in)' },
};

/** UTF-8 when the bytes are UTF-8, else Windows-1252 (a superset of the Latin-1 older exports used). */
export function decodeImdb(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

export async function imdbCandidates(bytes: Uint8Array): Promise<ImportCandidate[]> {
  return mapInSlices(await readCsv(decodeImdb(bytes), REQUIRED, 'The IMDb ratings export'), ({ line, cells }): ImportCandidate => {
    const title = cells['Title']?.trim() ?? '';
    const shown = title || `(untitled row ${line})`;
    const id = cells['Const']?.trim() ?? '';
    if (!/^tt\d{1,12}$/.test(id)) return { line, title: shown, error: 'no IMDb id (Const, like tt0133093)' };
    const entryId = `imdb-${id}`;
    const type = cells['Title Type']?.trim() ?? '';
    const kind = KINDS[type.replace(/[\s-]/g, '').toLowerCase()] ?? { skip: `a ${type || 'title of no type'}: only movies, TV movies and series are imported` };
    if (typeof kind === 'object') return { line, title: shown, entryId, skip: kind.skip };
    const rated = isoDay(cells['Date Rated']);
    if (!rated) return { line, title: shown, entryId, error: 'no Date Rated' };
    const url = cells['URL']?.trim() ?? '';
    const input: Record<string, unknown> = {
      kind,
      title,
      creator: cells['Directors']?.trim() || undefined,
      url: /^https:\/\/www\.imdb\.com\//.test(url) ? url : `https://www.imdb.com/title/${id}/`,
      rating: halfStars(Number(cells['Your Rating']?.trim() || '0'), 10),
      finishedOn: rated,
    };
    return { line, title: shown, entryId, input };
  });
}
