import { afterEach, describe, expect, it } from 'vitest';
import { loadHistoryPage, parseHistoryQuery } from './log-page';
import { mediaDefinition } from '../media/definition';
import { historySource } from './sources/source';

const mediaHistory = historySource(mediaDefinition);
import type { AnyStore } from './sources/types';
import { finished } from '../media/testing/media-fixtures';
import { openMediaStore, type MediaTestStore } from '../media/testing/media-store';

let store: MediaTestStore | undefined;
afterEach(async () => {
  await store?.close();
  store = undefined;
});
const load = (query: Parameters<typeof loadHistoryPage>[2], pageSize?: number) => loadHistoryPage(mediaHistory, store as unknown as AnyStore, query, pageSize);

/** 1 finish, then edits renaming T0 -> T1 -> ... and a removal every 10th event. */
async function renames(count: number) {
  store = await openMediaStore();
  await store.dispatch(finished('t', { title: 'T0' }));
  let title = 0;
  for (let seq = 2; seq <= count; seq++) {
    if (seq % 10 === 0) {
      await store.dispatch({ type: 'MediaRemoved', data: { entryId: 't' } });
      await store.dispatch({ type: 'MediaRestored', data: { entryId: 't' } });
      seq++;
    } else {
      await store.dispatch({ type: 'MediaEdited', data: { entryId: 't', changes: { title: { from: `T${title}`, to: `T${title + 1}` } } } });
      title++;
    }
  }
}

describe('loadHistoryPage', () => {
  it('pages newest first by cursor, with older and newer links', async () => {
    await renames(25);
    const first = await load({}, 10);
    expect(first.rows.map((r) => r.seq)).toEqual([25, 24, 23, 22, 21, 20, 19, 18, 17, 16]);
    expect(first).toMatchObject({ version: 25, older: 16, newer: undefined, approximate: false });

    const second = await load({ before: first.older }, 10);
    expect(second.rows.map((r) => r.seq)).toEqual([15, 14, 13, 12, 11, 10, 9, 8, 7, 6]);
    expect(second).toMatchObject({ older: 6, newer: 'latest' });

    const third = await load({ before: second.older }, 10);
    expect(third.rows.map((r) => r.seq)).toEqual([5, 4, 3, 2, 1]);
    expect(third).toMatchObject({ older: undefined, newer: 16 });
    expect((await load({ before: third.newer as number }, 10)).rows.map((r) => r.seq)).toEqual(second.rows.map((r) => r.seq));
  });

  it('filters by type, keeping the cursors within that type', async () => {
    await renames(60);
    const removals = await load({ type: 'MediaRemoved' }, 2);
    expect(removals.rows.map((r) => [r.seq, r.type])).toEqual([
      [60, 'MediaRemoved'],
      [50, 'MediaRemoved'],
    ]);
    const older = await load({ type: 'MediaRemoved', before: removals.older }, 2);
    expect(older.rows.map((r) => r.seq)).toEqual([40, 30]);
    expect(older.newer).toBe('latest');
    const oldest = await load({ type: 'MediaRemoved', before: 30 }, 2);
    expect(oldest.rows.map((r) => r.seq)).toEqual([20, 10]);
    expect(oldest).toMatchObject({ older: undefined, newer: 41 });
    expect((await load({ type: 'MediaRemoved', before: 41 }, 2)).rows.map((r) => r.seq)).toEqual([40, 30]);
  });

  it('describes each event with the title it had then, and says what it is called now', async () => {
    await renames(4);
    const page = await load({});
    expect(page.rows.map((r) => r.text)).toEqual([
      "edited 'T2': title 'T2' -> 'T3'",
      "edited 'T1': title 'T1' -> 'T2' (now titled 'T3')",
      "edited 'T0': title 'T0' -> 'T1' (now titled 'T3')",
      "logged 'T0' (book) (now titled 'T3')",
    ]);
    expect(page.rows[3]).toMatchObject({ seq: 1, type: 'MediaFinished', at: '2026-11-23T08:00:00.000Z', entryId: 't' });
  });

  it('offers undo only on the latest change of each entry', async () => {
    store = await openMediaStore();
    await store.dispatch(finished('a', { title: 'A' }));
    await store.dispatch(finished('b', { title: 'B' }));
    await store.dispatch({ type: 'MediaRemoved', data: { entryId: 'a' } });
    await store.dispatch({ type: 'AnnouncementPosted', data: { entryId: 'b', channel: 'webhook', postId: 'p', attempt: 1 } });
    const page = await load({});
    expect(page.rows.map((r) => [r.seq, r.undoable])).toEqual([
      [4, false], // an announcement result is not the owner's change
      [3, true],
      [2, true],
      [1, false],
    ]);
  });

  it('describes a page whose events are too far apart to replay from the current state, and says so', async () => {
    store = await openMediaStore();
    await store.dispatch(finished('a', { title: 'A' }));
    await store.dispatch({ type: 'MediaEdited', data: { entryId: 'a', changes: { rating: { from: null, to: 3 } } } });
    for (let i = 0; i < 3100; i++) await store.dispatch({ type: 'AnnouncementPosted', data: { entryId: 'a', channel: 'webhook', postId: `p${i}`, attempt: 1 } });
    await store.dispatch({ type: 'MediaEdited', data: { entryId: 'a', changes: { title: { from: 'A', to: 'B' } } } });
    const page = await load({ type: 'MediaEdited' });
    expect(page.approximate).toBe(true);
    expect(page.rows.map((r) => r.text)).toEqual(["edited 'B': title 'A' -> 'B'", "edited 'B': rating none -> 3"]);
  });

  it('shows an empty log as no rows and no links', async () => {
    store = await openMediaStore();
    expect(await load({})).toEqual({ rows: [], version: 0, older: undefined, newer: undefined, approximate: false });
  });
});

describe('parseHistoryQuery', () => {
  const types = ['MediaEdited', 'MediaRemoved'];
  it('reads a cursor and a known type, and ignores anything else', () => {
    expect(parseHistoryQuery({ before: '120', type: 'MediaEdited' }, types)).toEqual({ before: 120, type: 'MediaEdited' });
    expect(parseHistoryQuery({ before: '-1', type: 'DROP TABLE' }, types)).toEqual({ before: undefined, type: undefined });
    expect(parseHistoryQuery({ before: ['1', '2'], type: undefined }, types)).toEqual({ before: undefined, type: undefined });
    expect(parseHistoryQuery({ before: '0' }, types).before).toBeUndefined();
  });
});
