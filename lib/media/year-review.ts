// A year in review, from the public finished entries: what /year/<yyyy> shows.
import { daysToFinish } from './dates';
import { KINDS, type Kind } from './kinds';
import type { Entry, MediaState } from './projection';

export interface YearReview {
  year: string;
  total: number;
  byKind: Record<Kind, number>;
  /** Entries finished in each month, January first. */
  byMonth: number[];
  /** Mean of the rated entries, to one decimal; undefined when none is rated. */
  averageRating?: number;
  rated: number;
  /** The highest rated entries (all those sharing the top rating, newest first, at most 5). */
  highestRated: Entry[];
  /** Longest and shortest time from start to finish, among entries with both dates. */
  longest?: { entry: Entry; days: number };
  shortest?: { entry: Entry; days: number };
}

/** A year is four digits; years outside 1000-9999 are not a page. */
export const isYear = (value: string) => /^[1-9]\d{3}$/.test(value);

export function yearReview(state: MediaState, year: string): YearReview {
  const byKind = Object.fromEntries(KINDS.map((k) => [k, 0])) as Record<Kind, number>;
  const byMonth = Array.from({ length: 12 }, () => 0);
  let total = 0;
  let ratingSum = 0;
  let rated = 0;
  let top = -1;
  let highestRated: Entry[] = [];
  let longest: YearReview['longest'];
  let shortest: YearReview['shortest'];
  // The feed is finished entries, newest first: the year's entries are one run of it.
  for (const id of state.feed) {
    const entry = state.entries.get(id)!;
    const finished = entry.finishedOn!;
    if (finished.slice(0, 4) > year) continue;
    if (finished.slice(0, 4) < year) break;
    total++;
    byKind[entry.kind]++;
    byMonth[Number(finished.slice(5, 7)) - 1]!++;
    if (entry.rating !== undefined) {
      rated++;
      ratingSum += entry.rating;
      if (entry.rating > top) [top, highestRated] = [entry.rating, [entry]];
      else if (entry.rating === top && highestRated.length < 5) highestRated.push(entry);
    }
    const days = daysToFinish(entry);
    if (days !== undefined && days >= 0) {
      if (!longest || days > longest.days) longest = { entry, days };
      if (!shortest || days < shortest.days) shortest = { entry, days };
    }
  }
  const review: YearReview = { year, total, byKind, byMonth, rated, highestRated, longest, shortest };
  if (rated > 0) review.averageRating = Math.round((ratingSum / rated) * 10) / 10;
  return review;
}
