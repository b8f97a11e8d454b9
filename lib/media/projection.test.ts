import { describe, expect, it } from 'vitest';
import type { EnvelopeOf } from '../eventstore';
import type { MediaEvent } from './events';
import { finished } from './testing/fixtures';
import { decideMedia } from './decide';
import { initialMediaState, evolveMedia, type MediaState } from './projection';
import { publicFeed, yearSummary } from './selectors';
import { syntheticMediaLog } from './testing/synthetic-media-log';

let seq = 0;
const envelope = (event: MediaEvent): EnvelopeOf<MediaEvent> =>
  ({ seq: ++seq, id: `e${seq}`, at: `2026-11-23T08:00:${String(seq % 60).padStart(2, '0')}.000Z`, ...event }) as EnvelopeOf<MediaEvent>;
const fold = (...events: MediaEvent[]) => events.reduce<MediaState>((s, e) => evolveMedia(s, envelope(e)), initialMediaState);

describe('media projection', () => {
  it('lists public entries newest finished first, then latest logged first', () => {
    const state = fold(
      finished('a', { finishedOn: '2026-10-01' }),
      finished('b', { finishedOn: '2026-11-05' }),
      finished('c', { finishedOn: '2026-10-01' }),
      finished('d', { finishedOn: '2025-12-31', kind: 'game' }),
    );
    expect([...state.feed]).toEqual(['b', 'c', 'a', 'd']);
    expect(publicFeed(state, { kinds: ['game'] }).map((e) => e.id)).toEqual(['d']);
    expect(publicFeed(state, { limit: 2 }).map((e) => e.id)).toEqual(['b', 'c']);
  });

  it('keeps private and removed entries out of the feed and the counts, and brings restored ones back', () => {
    let state = fold(finished('a'), finished('p', { visibility: 'private' }), finished('r'));
    expect([...state.feed]).toEqual(['r', 'a']);
    state = evolveMedia(state, envelope({ type: 'MediaRemoved', data: { entryId: 'r' } }));
    expect([...state.feed]).toEqual(['a']);
    expect(state.entries.get('r')!.removed).toBe(true);
    expect(state.counts.byKind.book).toBe(1);
    state = evolveMedia(state, envelope({ type: 'MediaRestored', data: { entryId: 'r' } }));
    expect([...state.feed]).toEqual(['r', 'a']);
    expect(state.counts.byKind.book).toBe(2);
  });

  it('counts public entries per kind and per year', () => {
    const state = fold(
      finished('a'),
      finished('b'),
      finished('c', { kind: 'game' }),
      finished('d', { finishedOn: '2025-05-05', kind: 'movie' }),
      finished('p', { visibility: 'private', kind: 'game' }),
    );
    expect(state.counts.byKind).toEqual({ book: 2, article: 0, movie: 1, show: 0, game: 1, podcast: 0 });
    expect(state.counts.byYear).toEqual({ '2026': { book: 2, game: 1 }, '2025': { movie: 1 } });
    expect(yearSummary(state, '2026')).toBe('So far in 2026: 2 books, 1 game');
    expect(yearSummary(state, '2024')).toBeUndefined();
  });

  it('applies edits field by field and moves the entry when its date changes', () => {
    let state = fold(finished('a', { finishedOn: '2026-11-01' }), finished('b', { finishedOn: '2026-10-01', rating: 3 }));
    state = evolveMedia(state, envelope({
      type: 'MediaEdited',
      data: { entryId: 'b', changes: { rating: { from: 3, to: 4 }, finishedOn: { from: '2026-10-01', to: '2026-11-10' }, creator: { from: null, to: 'Frank Herbert' } } },
    }));
    expect(state.entries.get('b')!).toMatchObject({ rating: 4, finishedOn: '2026-11-10', creator: 'Frank Herbert' });
    expect([...state.feed]).toEqual(['b', 'a']);
    state = evolveMedia(state, envelope({ type: 'MediaEdited', data: { entryId: 'b', changes: { rating: { from: 4, to: null } } } }));
    expect('rating' in state.entries.get('b')!).toBe(false);
  });

  it('takes a private entry made public into the feed', () => {
    let state = fold(finished('a', { visibility: 'private' }));
    state = evolveMedia(state, envelope({ type: 'MediaEdited', data: { entryId: 'a', changes: { visibility: { from: 'private', to: 'public' } } } }));
    expect([...state.feed]).toEqual(['a']);
  });

  const rejected: [string, MediaEvent[], RegExp][] = [
    ['a second entry with the same id', [finished('a'), finished('a')], /already exists/],
    ['an edit of an unknown entry', [{ type: 'MediaEdited', data: { entryId: 'x', changes: { title: { from: 'a', to: 'b' } } } }], /no entry x/],
    ['a stale edit', [finished('a'), { type: 'MediaEdited', data: { entryId: 'a', changes: { title: { from: 'Old', to: 'New' } } } }], /title changed since/],
    ['clearing the title', [finished('a'), { type: 'MediaEdited', data: { entryId: 'a', changes: { title: { from: 'Dune', to: null } } } }], /cannot be cleared/],
    ['removing twice', [finished('a'), { type: 'MediaRemoved', data: { entryId: 'a' } }, { type: 'MediaRemoved', data: { entryId: 'a' } }], /is removed/],
    ['editing a removed entry', [finished('a'), { type: 'MediaRemoved', data: { entryId: 'a' } }, { type: 'MediaEdited', data: { entryId: 'a', changes: { title: { from: 'Dune', to: 'X' } } } }], /is removed/],
    ['restoring a live entry', [finished('a'), { type: 'MediaRestored', data: { entryId: 'a' } }], /not removed/],
  ];
  for (const [what, events, message] of rejected) {
    it(`decide rejects ${what}; evolve still folds it without throwing`, () => {
      const before = fold(...events.slice(0, -1));
      const outcome = decideMedia(events.at(-1)!, before);
      expect(outcome).toEqual({ rejected: expect.stringMatching(message) });
      expect(() => evolveMedia(before, envelope(events.at(-1)!))).not.toThrow();
    });
  }

  it('evolve folds what decide refuses as the nearest sensible change: a second removal or an unknown entry changes nothing', () => {
    const removed = fold(finished('a'), { type: 'MediaRemoved', data: { entryId: 'a' } });
    expect(evolveMedia(removed, envelope({ type: 'MediaRemoved', data: { entryId: 'a' } }))).toBe(removed);
    expect(evolveMedia(removed, envelope({ type: 'MediaRestored', data: { entryId: 'zz' } }))).toBe(removed);
    const edited = evolveMedia(removed, envelope({ type: 'MediaEdited', data: { entryId: 'a', changes: { title: { from: 'Stale', to: 'X' } } } }));
    expect(edited.entries.get('a')).toMatchObject({ title: 'X', removed: true });
    expect([...edited.feed]).toEqual([]);
  });

  it('records announcement results per channel', () => {
    let state = fold(finished('a', { announce: true }));
    state = evolveMedia(state, envelope({ type: 'AnnouncementFailed', data: { entryId: 'a', channel: 'webhook', attempt: 1, error: 'HTTP 500', final: false } }));
    expect(state.entries.get('a')!.announcements.webhook).toEqual({ state: 'retrying', attempts: 1, error: 'HTTP 500' });
    state = evolveMedia(state, envelope({ type: 'AnnouncementPosted', data: { entryId: 'a', channel: 'webhook', postId: 'p1', attempt: 2 } }));
    expect(state.entries.get('a')!.announcements.webhook).toEqual({ state: 'posted', attempts: 2, postId: 'p1', url: undefined });
  });

  it('gives a retry the admin asked for a fresh round of attempts, and keeps that through failures', () => {
    const failed = (attempt: number, final: boolean): MediaEvent => ({
      type: 'AnnouncementFailed',
      data: { entryId: 'a', channel: 'mastodon', attempt, error: 'HTTP 503', final },
    });
    let state = fold(finished('a', { announce: true }), failed(1, false), failed(2, true));
    expect(state.entries.get('a')!.announcements.mastodon).toEqual({ state: 'failed', attempts: 2, error: 'HTTP 503' });
    state = evolveMedia(state, envelope({ type: 'AnnouncementRetryRequested', data: { entryId: 'a', channel: 'mastodon' } }));
    expect(state.entries.get('a')!.announcements.mastodon).toEqual({ state: 'retrying', attempts: 2, error: 'HTTP 503', retriedAfter: 2 });
    state = evolveMedia(state, envelope(failed(3, false)));
    expect(state.entries.get('a')!.announcements.mastodon).toEqual({ state: 'retrying', attempts: 3, error: 'HTTP 503', retriedAfter: 2 });
    state = evolveMedia(state, envelope({ type: 'AnnouncementPosted', data: { entryId: 'a', channel: 'mastodon', postId: '109', attempt: 4 } }));
    expect(state.entries.get('a')!.announcements.mastodon).toEqual({ state: 'posted', attempts: 4, postId: '109', url: undefined });
  });

  it('rejects a retry of a channel that has not failed for good', () => {
    const retry: MediaEvent = { type: 'AnnouncementRetryRequested', data: { entryId: 'a', channel: 'x' } };
    expect(decideMedia(retry, fold(finished('a', { announce: true })))).toEqual({ rejected: expect.stringMatching(/nothing to retry/) });
    const retrying = fold(finished('a', { announce: true }), { type: 'AnnouncementFailed', data: { entryId: 'a', channel: 'x', attempt: 1, error: 'e', final: false } });
    expect(decideMedia(retry, retrying)).toEqual({ rejected: expect.stringMatching(/nothing to retry/) });
    expect(evolveMedia(retrying, envelope(retry))).toBe(retrying);
  });

  it('notes why an entry was not announced', () => {
    const state = fold(finished('a', { announce: true }), { type: 'AnnouncementSkipped', data: { entryId: 'a', reason: 'not sent: no channel configured' } });
    expect(state.entries.get('a')!.announceNote).toBe('not sent: no channel configured');
    expect(state.entries.get('a')!.announcements).toEqual({});
  });

  it('never mutates the state it is given', () => {
    const state = Object.freeze(fold(finished('a'), finished('b')));
    const deepFreeze = (o: object) => {
      Object.freeze(o);
      for (const v of Object.values(o)) if (v && typeof v === 'object' && !Object.isFrozen(v)) deepFreeze(v);
    };
    deepFreeze(state);
    expect(() =>
      [
        finished('c'),
        { type: 'MediaEdited', data: { entryId: 'a', changes: { title: { from: 'Dune', to: 'Dune Messiah' } } } } as MediaEvent,
        { type: 'MediaRemoved', data: { entryId: 'b' } } as MediaEvent,
      ].reduce((s, e) => evolveMedia(s, envelope(e)), state as MediaState),
    ).not.toThrow();
  });

  it('keeps the feed and counts it updates event by event equal to ones computed afresh from the entries', () => {
    for (const seed of [1, 2, 3]) {
      let state = initialMediaState;
      for (const [i, event] of syntheticMediaLog(3000, seed).events.entries()) {
        state = evolveMedia(state, event);
        if (i % 250 !== 249) continue;
        const listed = [...state.entries.values()].filter((e) => e.visibility === 'public' && !e.removed);
        const order = listed.sort((a, b) => b.finishedOn!.localeCompare(a.finishedOn!) || b.seq - a.seq);
        expect([...state.feed]).toEqual(order.map((e) => e.id));
        const byKind: Record<string, number> = { book: 0, article: 0, movie: 0, show: 0, game: 0, podcast: 0 };
        const byYear: Record<string, Record<string, number>> = {};
        for (const { kind, finishedOn } of order) {
          byKind[kind]!++;
          const year = (byYear[finishedOn!.slice(0, 4)] ??= {});
          year[kind] = (year[kind] ?? 0) + 1;
        }
        expect(state.counts).toEqual({ byKind, byYear });
      }
    }
  });
});
