// Which service answers for which kind, from the environment.
import type { Kind } from '../media/kinds';
import { iTunes } from './itunes';
import { openLibrary } from './openlibrary';
import { tmdb } from './tmdb';
import type { LookupSource } from './types';

type Env = Record<string, string | undefined>;

export function sourceFor(kind: Kind, env: Env = process.env): LookupSource | undefined {
  const sources: LookupSource[] = [
    openLibrary(env.OPENLIBRARY_URL || 'https://openlibrary.org', env.OPENLIBRARY_COVERS_URL || 'https://covers.openlibrary.org'),
    // TMDB, when configured, answers for movies and shows before iTunes.
    ...(env.TMDB_API_KEY ? [tmdb(env.TMDB_API_URL || 'https://api.themoviedb.org/3', env.TMDB_API_KEY, env.TMDB_IMAGE_URL || 'https://image.tmdb.org/t/p/w342')] : []),
    iTunes(env.ITUNES_SEARCH_URL || 'https://itunes.apple.com/search'),
  ];
  return sources.find((source) => source.kinds.includes(kind));
}

/** What the form says for a kind nothing can look up. */
export const noSourceMessage = (kind: Kind) => `No lookup for ${kind}s: fill in the fields yourself`;
