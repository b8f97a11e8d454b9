import 'server-only';
// Covers (and a link when the ids gave none) from the lookup, when TMDB is configured
// (TMDB_API_KEY): its results carry TMDB ids, so a movie the server names by its TMDB id is matched
// exactly, anything else by its exact title (and year). Without TMDB the entry keeps the link from its ids and no cover: iTunes and Open
// Library answer by title alone, and a wrong poster is worse than none. A lookup that fails leaves
// the entry as it is, with a note in the delivery list.
import { lookup } from '../lookup/lookup';
import { sourceFor } from '../lookup/sources';
import type { LookupResult } from '../lookup/types';
import { tmdbMovieUrl } from './links';
import { sameTitle, type Plan } from './plan';

type LogPlan = Extract<Plan, { action: 'log' }>;

export async function enrich(plan: LogPlan): Promise<{ input: Record<string, unknown>; note?: string }> {
  const { kind, title, year, tmdb } = plan.lookup;
  if (kind === 'book' || sourceFor(kind)?.name !== 'tmdb') return { input: plan.input };
  let results: LookupResult[];
  try {
    results = (await lookup(kind, title)).results;
  } catch (err) {
    return { input: plan.input, note: `no cover: the lookup failed (${(err as Error).message})` };
  }
  // A movie with a TMDB id is matched by it alone; a show (the servers send the episode's ids, not
  // the series') or a movie without one by its title and year.
  const match =
    tmdb && kind === 'movie'
      ? results.find((r) => r.url === tmdbMovieUrl(tmdb))
      : results.find((r) => sameTitle(r.title, title) && (year === undefined || r.year === undefined || r.year === year));
  if (!match) return { input: plan.input, note: 'no cover: the lookup found no match' };
  return { input: { ...plan.input, coverUrl: match.coverUrl, url: plan.input.url ?? match.url } };
}
