import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { whyNotAnnounced } from '../announce/eligibility';
import { tempDir } from '../eventstore/testing/counter';
import { mediaStore, readyMediaStore } from '../media/store';
import { runImport } from './run';
import { storyGraphCandidates } from './storygraph';

// A StoryGraph export with the traps real ones have: a byte-order mark, quoted cells with commas,
// a review over two lines with doubled quotes, quarter stars, empty ratings and dates, every read
// status, a book without an ISBN, and a row with neither title nor id.
const bytes = readFileSync(new URL('./fixtures/storygraph_export.csv', import.meta.url));
const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
let rows: Awaited<ReturnType<typeof storyGraphCandidates>>;
beforeAll(async () => {
  rows = await storyGraphCandidates(text, { coversUrl: 'https://covers.example' });
});
const byTitle = (title: string) => rows.find((r) => r.title === title)!;

describe('StoryGraph library export', () => {
  it('reads a file that starts with a byte-order mark, one candidate per row, lines counted from where each row starts', () => {
    expect(text.charCodeAt(0)).toBe(0xfeff);
    expect(rows.map((r) => [r.line, r.title])).toEqual([
      [2, 'A Psalm for the Wild-Built'],
      [4, 'The Left Hand of Darkness'],
      [5, 'Red Rising (Red Rising Saga, #1)'],
      [6, 'Infinite Jest'],
      [7, 'The Fury of the Gods'],
      [8, 'Some Web Novel'],
      [9, '(untitled row 9)'],
    ]);
  });

  it('maps a read book: the last read\'s dates, quarter stars rounded to halves, the two-line review, tags, a cover by ISBN', () => {
    expect(byTitle('A Psalm for the Wild-Built')).toMatchObject({
      entryId: 'storygraph-9781250236210',
      input: {
        kind: 'book', title: 'A Psalm for the Wild-Built', creator: 'Becky Chambers', status: 'finished',
        startedOn: '2025-01-05', finishedOn: '2025-01-09', rating: 4,
        review: 'Lovely, quiet, kind.\nMade me want tea, "badly".',
        tags: ['cozy', 'solarpunk'],
        coverUrl: 'https://covers.example/b/isbn/9781250236210-L.jpg',
      },
      note: 'rating 3.75 rounded to 4; 1 tag left out (at most 10, of 40 characters)',
    });
  });

  it('finishes a read book without dates on the day it was added, with no rating when the cell is empty', () => {
    expect(byTitle('The Left Hand of Darkness')).toMatchObject({ input: { finishedOn: '2023-03-18', rating: undefined, review: undefined, tags: undefined }, note: 'no read date: finished on the day it was added' });
  });

  it('makes currently-reading and paused in progress, did-not-finish abandoned, and skips to-read', () => {
    expect(byTitle('Red Rising (Red Rising Saga, #1)').input).toMatchObject({ status: 'in-progress', startedOn: '2026-09-03', finishedOn: undefined });
    expect(byTitle('Infinite Jest').input).toMatchObject({ status: 'abandoned', startedOn: '2024-02-11', rating: 1.5 });
    expect(byTitle('Some Web Novel')).toMatchObject({ entryId: 'storygraph-a1b2c3d4-e5f6', input: { status: 'in-progress', rating: 4, coverUrl: undefined }, note: 'paused on StoryGraph: imported as in progress' });
    expect(byTitle('The Fury of the Gods')).toMatchObject({ skip: 'on the to-read list: not read yet' });
    expect(byTitle('(untitled row 9)').error).toMatch(/no Title and no ISBN\/UID/);
  });

  it('refuses a CSV without its columns, naming them', async () => {
    await expect(storyGraphCandidates('Title,Authors\nDune,Frank Herbert\n', { coversUrl: '' })).rejects.toThrow(/"ISBN\/UID", "Read Status", "Star Rating"/);
  });
});

describe('importing a StoryGraph export into the log', () => {
  beforeAll(() => {
    process.env.EVENTS_DIR = tempDir('shelf-import-storygraph-');
  });
  afterAll(async () => {
    await mediaStore().close();
  });

  it('logs finished, in-progress and abandoned books, never announced, and a second import adds nothing', async () => {
    const first = await runImport({ source: 'storygraph', bytes, dryRun: false });
    expect(first.summary).toEqual({ rows: 7, new: 5, alreadyImported: 0, skipped: 1, errors: 1 });
    const entries = (await readyMediaStore()).snapshot().entries;
    expect(entries.get('storygraph-9780345539786')).toMatchObject({ status: 'in-progress', importedFrom: 'storygraph', announce: false });
    expect(entries.get('storygraph-9780316066525')).toMatchObject({ status: 'abandoned', importedFrom: 'storygraph' });
    expect(whyNotAnnounced({ ...entries.get('storygraph-9781250236210')!, announce: true })).toMatch(/imported from storygraph/);
    const again = await runImport({ source: 'storygraph', bytes, dryRun: false });
    expect(again.summary).toMatchObject({ new: 0, alreadyImported: 5 });
    expect((await readyMediaStore()).version()).toBe(5);
  });
});
