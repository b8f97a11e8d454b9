import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { whyNotAnnounced } from '../announce/eligibility';
import { tempDir } from '../eventstore/testing/counter';
import { logFinished } from '../media/commands';
import { mediaStore, readyMediaStore } from '../media/store';
import { ImportFormatError } from './format-error';
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
    const logged = await logFinished({ kind: 'game', title: 'Outer Wilds', finishedOn: '2024-05-05', announce: true });
    if (!logged.ok) throw new Error(logged.error);
    const backup = JSON.stringify({ version: 1, entries: [{ ...logged.value, id: 'restored-1' }, { ...logged.value }] });
    const result = await runImport({ source: 'shelf', bytes: Buffer.from(backup), dryRun: false });
    expect(result.rows.map((r) => r.outcome)).toEqual(['new', 'alreadyImported']);
    expect((await readyMediaStore()).snapshot().entries.get('restored-1')).toMatchObject({ title: 'Outer Wilds', announce: false, importedFrom: 'shelf' });
    expect((await runImport({ source: 'shelf', bytes: Buffer.from(backup), dryRun: false })).summary.new).toBe(0);
  });
});
