import { describe, expect, it } from 'vitest';
import type { EnvelopeOf } from '../eventstore';
import type { MediaEvent } from './events';
import { feedPage } from './feed-page';
import type { Kind } from './kinds';
import { initialMediaState, evolveMedia, type MediaState } from './projection';

let seq = 0;
const apply = (state: MediaState, event: MediaEvent) =>
  evolveMedia(state, { seq: ++seq, id: `e${seq}`, at: '2026-11-23T08:00:00.000Z', ...event } as EnvelopeOf<MediaEvent>);
const finished = (entryId: string, finishedOn: string, kind: Kind = 'book'): MediaEvent => ({
  type: 'MediaFinished',
  data: { entryId, kind, title: entryId, finishedOn, visibility: 'public', announce: false },
});

/** Entries n1 (oldest) .. n<count> (newest), one a day, every third a game. */
function feedOf(count: number): MediaState {
  let state = initialMediaState;
  for (let i = 1; i <= count; i++) {
    state = apply(state, finished(`n${i}`, `2026-01-01`, i % 3 === 0 ? 'game' : 'book'));
  }
  return state;
}
const ids = (page: { entries: { id: string }[] }) => page.entries.map((e) => e.id);

describe('feedPage', () => {
  it('pages through the feed newest first, with a cursor to the older page and back to the newer one', () => {
    const state = feedOf(7);
    const first = feedPage(state, { size: 3 });
    expect(ids(first)).toEqual(['n7', 'n6', 'n5']);
    expect(first).toMatchObject({ offset: 0, total: 7, older: 'n4' });
    expect(first.newer).toBeUndefined();

    const second = feedPage(state, { size: 3, from: first.older });
    expect(ids(second)).toEqual(['n4', 'n3', 'n2']);
    expect(second).toMatchObject({ offset: 3, older: 'n1', newer: {} }); // {}: the newer page is the first one

    const last = feedPage(state, { size: 3, from: second.older });
    expect(ids(last)).toEqual(['n1']);
    expect(last.older).toBeUndefined();
    expect(last.newer).toEqual({ from: 'n4' });
    expect(ids(feedPage(state, { size: 3, from: last.newer!.from }))).toEqual(ids(second));
  });

  it('keeps a page where it is when entries are added above it', () => {
    let state = feedOf(7);
    const cursor = feedPage(state, { size: 3 }).older!;
    state = apply(state, finished('new', '2026-12-01'));
    const page = feedPage(state, { size: 3, from: cursor });
    expect(ids(page)).toEqual(['n4', 'n3', 'n2']);
    expect(page.offset).toBe(4);
    expect(page.newer).toEqual({ from: 'n7' });
  });

  it('places a cursor whose entry was removed, or is filtered out, where that entry would be', () => {
    let state = feedOf(7);
    state = apply(state, { type: 'MediaRemoved', data: { entryId: 'n4' } });
    expect(ids(feedPage(state, { size: 3, from: 'n4' }))).toEqual(['n3', 'n2', 'n1']);
    // n4 is a book; among games (n6, n3) it falls between them
    expect(ids(feedPage(feedOf(7), { kinds: ['game'], size: 3, from: 'n4' }))).toEqual(['n3']);
  });

  it('shows the last page when a cursor falls past the end', () => {
    let state = feedOf(7);
    state = apply(state, { type: 'MediaRemoved', data: { entryId: 'n1' } });
    const page = feedPage(state, { size: 3, from: 'n1' });
    expect(ids(page)).toEqual(['n4', 'n3', 'n2']);
    expect(page).toMatchObject({ offset: 3, newer: {} });
  });

  it('starts at the newest entries for an unknown cursor, and is empty for an empty feed', () => {
    expect(ids(feedPage(feedOf(4), { size: 3, from: 'nope' }))).toEqual(['n4', 'n3', 'n2']);
    expect(feedPage(initialMediaState)).toEqual({ entries: [], offset: 0, total: 0 });
  });
});
