import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { whyNotAnnounced } from '../announce/eligibility';
import { tempDir } from '../eventstore/testing/counter';
import { logEntry } from '../media/commands';
import { mediaStore, readyMediaStore } from '../media/store';
import { ImportFormatError } from './format-error';
import { entriesCsvFile } from '../history/entries-export';
import { finished, fold } from '../media/testing/media-fixtures';
import { PREVIEW_ROWS, PREVIEW_TEXT } from './plan';
import { runImport } from './run';

const goodreads = readFileSync(new URL('./fixtures/goodreads_library_export.csv', import.meta.url));
const diary = readFileSync(new URL('./fixtures/letterboxd-diary.csv', import.meta.url));

describe('runImport against the media log', () => {
  beforeAll(() => {
    process.env.EVENTS_DIR = tempDir('shelf-import-');
  });
  afterAll(async () => {
    await mediaStore().close();
  });
  const version = async () => (await readyMediaStore()).version();

  it('a dry run previews every row and appends nothing', async () => {
    const result = await runImport({ source: 'goodreads', bytes: goodreads, dryRun: true });
    expect(result.summary).toEqual({ rows: 7, new: 5, alreadyImported: 0, skipped: 1, errors: 1 });
    expect(result.rows.map((r) => r.outcome)).toEqual(['new', 'new', 'new', 'new', 'new', 'skipped', 'error']);
    expect(result.rows[6]!.reason).toMatch(/^title: Title is required/);
    expect(await version()).toBe(0);
  });

  it('imports the new rows, marked as imported and never announced, with the visibility chosen for all', async () => {
    const result = await runImport({ source: 'goodreads', bytes: goodreads, dryRun: false, visibility: 'private' });
    expect(result.summary.new).toBe(5);
    expect(await version()).toBe(5);
    const entry = (await readyMediaStore()).snapshot().entries.get('goodreads-13496')!;
    expect(entry).toMatchObject({ importedFrom: 'goodreads', announce: false, visibility: 'private', finishedOn: '2021-03-14' });
    // Even an owner's later edit turning announce on cannot make the announcer post it.
    expect(whyNotAnnounced({ ...entry, announce: true, visibility: 'public' })).toMatch(/imported/);
    expect(whyNotAnnounced({ ...entry, announce: true, visibility: 'public', importedFrom: undefined })).toBeUndefined();
  });

  it('importing the same file again adds nothing', async () => {
    const result = await runImport({ source: 'goodreads', bytes: goodreads, dryRun: false });
    expect(result.summary).toEqual({ rows: 7, new: 0, alreadyImported: 5, skipped: 1, errors: 1 });
    expect(await version()).toBe(5);
  });

  it('a bigger later export adds only its new rows', async () => {
    const first = new TextDecoder().decode(diary).split('\n').slice(0, 3).join('\n') + '\n';
    expect((await runImport({ source: 'letterboxd', bytes: Buffer.from(first), dryRun: false })).summary.new).toBe(2);
    const later = await runImport({ source: 'letterboxd', bytes: diary, dryRun: false });
    expect(later.summary).toMatchObject({ rows: 5, new: 3, alreadyImported: 2 });
    expect(await version()).toBe(5 + 5);
  });

  it('a date in the future is the shared validation error, a repeated row is skipped', async () => {
    const csv = 'Date,Name,Year,Letterboxd URI,Rating,Rewatch,Tags,Watched Date\n'
      + '2099-01-01,Future,2099,https://boxd.it/zzz1,3,,,2099-01-01\n'
      + '2024-01-01,Twice,2020,https://boxd.it/zzz2,3,,,2024-01-01\n'
      + '2024-01-01,Twice,2020,https://boxd.it/zzz2,3,,,2024-01-01\n';
    const result = await runImport({ source: 'letterboxd', bytes: Buffer.from(csv), dryRun: true });
    expect(result.rows.map((r) => [r.outcome, r.reason])).toEqual([
      ['error', 'finishedOn: Finished date cannot be in the future'],
      ['new', undefined],
      ['skipped', 'the same letterboxd row as line 3'],
    ]);
  });

  it('a file of the wrong format throws before anything is appended', async () => {
    const before = await version();
    await expect(runImport({ source: 'goodreads', bytes: diary, dryRun: false })).rejects.toThrow(ImportFormatError);
    await expect(runImport({ source: 'letterboxd', bytes: goodreads, dryRun: false })).rejects.toThrow(/missing the columns "Name", "Watched Date"/);
    expect(await version()).toBe(before);
  });

  it('restores a Shelf backup with its ids, and the same backup twice adds nothing', async () => {
    const logged = await logEntry({ kind: 'game', title: 'Outer Wilds', finishedOn: '2024-05-05', announce: true });
    if (!logged.ok) throw new Error(logged.error);
    const backup = JSON.stringify({ version: 1, entries: [{ ...logged.value, id: 'restored-1' }, { ...logged.value }] });
    const result = await runImport({ source: 'shelf', bytes: Buffer.from(backup), dryRun: false });
    expect(result.rows.map((r) => r.outcome)).toEqual(['new', 'alreadyImported']);
    expect((await readyMediaStore()).snapshot().entries.get('restored-1')).toMatchObject({ title: 'Outer Wilds', announce: false, importedFrom: 'shelf' });
    expect((await runImport({ source: 'shelf', bytes: Buffer.from(backup), dryRun: false })).summary.new).toBe(0);
  });

  it('restores entry ids of 122 to 128 characters (the log takes 128), and again adds nothing; a longer one is a row error', async () => {
    const before = await version();
    const ids = [122, 125, 128].map((n) => `${n}-`.padEnd(n, 'x'));
    const entries = ids.map((id, i) => ({ id, kind: 'book', title: `Long id ${i}`, finishedOn: '2024-01-0' + (i + 1), visibility: 'public' }));
    const tooLong = { id: 'y'.repeat(129), kind: 'book', title: 'Too long', finishedOn: '2024-01-09', visibility: 'public' };
    const backup = Buffer.from(JSON.stringify({ version: 1, entries: [...entries, tooLong] }));
    const preview = await runImport({ source: 'shelf', bytes: backup, dryRun: true });
    expect(preview.rows.map((r) => r.outcome)).toEqual(['new', 'new', 'new', 'error']);
    expect(preview.rows[3]!.reason).toMatch(/at most 128/);
    const result = await runImport({ source: 'shelf', bytes: backup, dryRun: false });
    expect(result.summary).toMatchObject({ new: 3, errors: 1 });
    expect(await version()).toBe(before + 3);
    for (const id of ids) expect((await readyMediaStore()).snapshot().entries.get(id)).toMatchObject({ importedFrom: 'shelf' });
    expect((await runImport({ source: 'shelf', bytes: backup, dryRun: false })).summary).toMatchObject({ new: 0, alreadyImported: 3 });
    expect(await version()).toBe(before + 3);
  });

  it("keeps text that starts with ' through an export and a re-import (the formula guard is undone once)", async () => {
    const titles = ["'=not a formula", "''=two quotes", '=SUM(A1)', "'Salem's Lot", '-3 degrees'];
    const { states } = fold(...titles.map((title, i) => finished(`quote-${i}`, { title, creator: title, finishedOn: '2024-02-01' })));
    const csv = entriesCsvFile(states.at(-1)!);
    const result = await runImport({ source: 'shelf', bytes: Buffer.from(csv), dryRun: false });
    expect(result.summary).toMatchObject({ new: titles.length, errors: 0 });
    const entries = (await readyMediaStore()).snapshot().entries;
    expect(titles.map((_, i) => entries.get(`quote-${i}`)!.title)).toEqual(titles);
    expect(titles.map((_, i) => entries.get(`quote-${i}`)!.creator)).toEqual(titles);
  });

  it('lists at most PREVIEW_ROWS rows with titles cut to PREVIEW_TEXT, and counts them all', async () => {
    const long = 'T'.repeat(250); // a title an entry may hold, longer than a preview repeats
    const lines = Array.from({ length: PREVIEW_ROWS + 500 }, (_, i) => `2024-01-01,${long}${i},2020,https://boxd.it/cap${i},3,,,2024-01-01`);
    const csv = 'Date,Name,Year,Letterboxd URI,Rating,Rewatch,Tags,Watched Date\n' + lines.join('\n') + '\n';
    const result = await runImport({ source: 'letterboxd', bytes: Buffer.from(csv), dryRun: true });
    expect(result.summary).toMatchObject({ rows: PREVIEW_ROWS + 500, new: PREVIEW_ROWS + 500 });
    expect(result.rows).toHaveLength(PREVIEW_ROWS);
    expect(Math.max(...result.rows.map((r) => r.title.length))).toBe(PREVIEW_TEXT);
    expect(JSON.stringify(result).length).toBeLessThan(PREVIEW_ROWS * (PREVIEW_TEXT + 200));
  });
});
