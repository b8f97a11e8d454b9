import { afterEach, describe, expect, it } from 'vitest';
import { publicFeed } from '../media/selectors';
import { finished } from '../media/testing/media-fixtures';
import { openMediaStore, type MediaTestStore } from '../media/testing/media-store';
import { describeMediaEvent } from '../media/describe-event';
import { parseSeq, pastView as pastViewOf, stepLinks } from './time-travel';
import type { MediaTestStore as Store } from '../media/testing/media-store';

const pastView = (s: Store, seq: number) => pastViewOf(s, seq, (event, before, after) => describeMediaEvent(event as never, before, after).text);

let store: MediaTestStore | undefined;
afterEach(async () => {
  await store?.close();
  store = undefined;
});

const titles = (view: { state: Parameters<typeof publicFeed>[0] }) => publicFeed(view.state).map((e) => e.title);

describe('pastView', () => {
  it('shows the feed as it was after each event, stepping one event at a time', async () => {
    store = await openMediaStore();
    await store.dispatch(finished('d', { title: 'Dune', finishedOn: '2026-11-01' }));
    await store.dispatch(finished('h', { title: 'Hyperion', finishedOn: '2026-11-02' }));
    await store.dispatch({ type: 'MediaEdited', data: { entryId: 'd', changes: { title: { from: 'Dune', to: 'Dune Messiah' } } } });
    await store.dispatch({ type: 'MediaRemoved', data: { entryId: 'h' } });

    const views = await Promise.all([0, 1, 2, 3, 4].map((seq) => pastView(store!, seq)));
    expect(views.map(titles)).toEqual([[], ['Dune'], ['Hyperion', 'Dune'], ['Hyperion', 'Dune Messiah'], ['Dune Messiah']]);
    expect(views.map((v) => v.text)).toEqual([
      undefined,
      "logged 'Dune' (book)",
      "logged 'Hyperion' (book)",
      "edited 'Dune': title 'Dune' -> 'Dune Messiah'",
      "removed 'Hyperion'",
    ]);
    expect(views[3]!.event).toMatchObject({ seq: 3, type: 'MediaEdited', at: '2026-11-23T08:02:00.000Z' });
    expect(views.map((v) => [v.previous, v.next])).toEqual([
      [undefined, 1],
      [0, 2],
      [1, 3],
      [2, 4],
      [3, undefined],
    ]);
    // the present is the live state
    expect(views[4]!.state).toBe(store.snapshot());
  });

  it('rebuilds a past state across checkpoints exactly', async () => {
    store = await openMediaStore(undefined, { checkpointEvery: 4 });
    await store.dispatch(finished('a', { title: 'A0', rating: 1 }));
    for (let i = 1; i <= 13; i++) {
      await store.dispatch({ type: 'MediaEdited', data: { entryId: 'a', changes: { title: { from: `A${i - 1}`, to: `A${i}` } } } });
    }
    for (const seq of [14, 9, 8, 7, 1, 5, 12]) expect(titles(await pastView(store, seq))).toEqual([`A${seq - 1}`]);
  });
});

describe('parseSeq and stepLinks', () => {
  it('accepts only a plain whole number from 0 to the latest seq', () => {
    expect(parseSeq('0', 5)).toBe(0);
    expect(parseSeq('5', 5)).toBe(5);
    for (const bad of ['6', '-1', '1.5', '01', '1e2', ' 1', '', 'abc', '99999999999999999999']) expect(parseSeq(bad, 5)).toBeUndefined();
  });

  it('stops at the first state and at now', () => {
    expect(stepLinks(0, 0)).toEqual({ previous: undefined, next: undefined });
    expect(stepLinks(0, 3)).toEqual({ previous: undefined, next: 1 });
    expect(stepLinks(3, 3)).toEqual({ previous: 2, next: undefined });
  });
});
