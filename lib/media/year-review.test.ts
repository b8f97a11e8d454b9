import { describe, expect, it } from 'vitest';
import type { EnvelopeOf } from '../eventstore';
import type { MediaEvent } from './events';
import { initialMediaState, evolveMedia, type MediaState } from './projection';
import { finished } from './testing/fixtures';
import { isYear, yearReview } from './year-review';

let seq = 0;
const fold = (...events: MediaEvent[]) =>
  events.reduce<MediaState>((s, e) => evolveMedia(s, { seq: ++seq, id: `e${seq}`, at: '2026-11-23T08:00:00.000Z', ...e } as EnvelopeOf<MediaEvent>), initialMediaState);

describe('year in review', () => {
  it('totals per kind and month, the average and highest rating, the longest and shortest time to finish', () => {
    const state = fold(
      finished('a', { finishedOn: '2026-01-10', rating: 4, startedOn: '2026-01-01' }),
      finished('b', { finishedOn: '2026-03-05', rating: 5, kind: 'game', startedOn: '2025-12-01' }),
      finished('c', { finishedOn: '2026-03-20', rating: 3 }),
      finished('d', { finishedOn: '2026-03-21', kind: 'movie', startedOn: '2026-03-21' }),
      finished('old', { finishedOn: '2025-06-01', rating: 5 }),
      finished('next', { finishedOn: '2027-01-01' }),
      finished('p', { finishedOn: '2026-05-01', visibility: 'private', rating: 5 }),
      { type: 'MediaStarted', data: { entryId: 'r', kind: 'book', title: 'Reading', visibility: 'public', announce: false, status: 'in-progress', startedOn: '2026-02-01' } },
    );
    const review = yearReview(state, '2026');
    expect(review.total).toBe(4);
    expect(review.byKind).toMatchObject({ book: 2, game: 1, movie: 1, show: 0 });
    expect(review.byMonth).toEqual([1, 0, 3, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
    expect(review.averageRating).toBe(4);
    expect(review.highestRated.map((e) => e.id)).toEqual(['b']);
    expect(review.longest).toMatchObject({ entry: { id: 'b' }, days: 94 });
    expect(review.shortest).toMatchObject({ entry: { id: 'd' }, days: 0 });
  });

  it('is empty, not an error, for a year without entries', () => {
    const review = yearReview(fold(finished('a')), '1999');
    expect(review).toMatchObject({ total: 0, rated: 0, highestRated: [] });
    expect(review.averageRating).toBeUndefined();
  });

  it('knows a year from anything else', () => {
    expect(['2026', '1999'].every(isYear)).toBe(true);
    expect(['26', '02026', '0999', 'abcd', '2026x'].some(isYear)).toBe(false);
  });
});
