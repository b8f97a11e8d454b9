import { readFileSync } from 'node:fs';
import { strToU8, Zip, ZipDeflate, zipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { ImportFormatError } from './format-error';
import { goodreadsCandidates } from './goodreads';
import { letterboxdCandidates } from './letterboxd';
import { shelfCandidates } from './shelf';
import { htmlToText } from './text';
import { readZipTexts } from './zip';

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url));
const options = { coversUrl: 'https://covers.example' };
const byTitle = <T extends { title: string }>(rows: T[], title: string) => rows.find((r) => r.title === title)!;

describe('Goodreads library export', () => {
  // ignoreBOM keeps the mark in the text: the CSV reader must cope with it.
  const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(fixture('goodreads_library_export.csv'));
  let rows: Awaited<ReturnType<typeof goodreadsCandidates>>;
  beforeAll(async () => {
    rows = await goodreadsCandidates(text, options);
  });

  it('reads a file that starts with a byte-order mark, one candidate per book', async () => {
    expect(text.charCodeAt(0)).toBe(0xfeff);
    expect(rows.map((r) => r.title)).toEqual([
      'A Game of Thrones (A Song of Ice and Fire, #1)', 'Dune', 'The Way of Kings (The Stormlight Archive #1)',
      'All the Light We Cannot See', "Old Man's War", 'Europe in Autumn', '(untitled row 9)',
    ]);
  });

  it('maps a read book: date read, rating, link, cover from the ="..." ISBN13 cell, review with <br/> as line breaks', async () => {
    expect(rows[0]).toMatchObject({
      line: 2,
      entryId: 'goodreads-13496',
      input: {
        kind: 'book',
        title: 'A Game of Thrones (A Song of Ice and Fire, #1)',
        creator: 'George R.R. Martin',
        finishedOn: '2021-03-14',
        rating: 4,
        url: 'https://www.goodreads.com/book/show/13496',
        coverUrl: 'https://covers.example/b/isbn/9780553588484-L.jpg',
        review: 'Long, but worth it.\n\nThe "Red Wedding" is not in this one.',
      },
    });
  });

  it('keeps a quoted review that spans lines, and counts lines from where each row starts', async () => {
    const dune = byTitle(rows, 'Dune');
    expect(dune.input!.review).toBe('First line of the review.\nSecond line, after a real line break.');
    expect(dune.input!.coverUrl).toBe('https://covers.example/b/isbn/9780441013593-L.jpg');
    expect(byTitle(rows, 'The Way of Kings (The Stormlight Archive #1)').line).toBe(5);
  });

  it('treats My Rating 0 as no rating and falls back to Date Added without a Date Read', async () => {
    const kings = byTitle(rows, 'The Way of Kings (The Stormlight Archive #1)');
    expect(kings.input!.rating).toBeUndefined();
    expect(kings.input!.finishedOn).toBe('2022-01-09');
  });

  it('gives no cover when the ISBN cells are empty', async () => {
    expect(byTitle(rows, 'All the Light We Cannot See').input!.coverUrl).toBeUndefined();
  });

  it('makes a currently-reading book in progress since its Date Added, and skips to-read rows, saying why', () => {
    expect(byTitle(rows, "Old Man's War")).toMatchObject({ entryId: 'goodreads-36510196', input: { status: 'in-progress', startedOn: '2025-02-14', finishedOn: undefined } });
    expect(byTitle(rows, 'Europe in Autumn')).toMatchObject({ skip: expect.stringMatching(/to-read/) });
    expect(rows.filter((r) => r.skip).every((r) => r.input === undefined)).toBe(true);
  });

  it('makes the other shelves a book is on its tags (not the exclusive ones)', () => {
    expect(rows[0]!.input!.tags).toEqual(['fantasy', 'favorites']);
    expect(byTitle(rows, "Old Man's War").input!.tags).toBeUndefined(); // only on currently-reading
    expect(byTitle(rows, 'Dune').input!.tags).toBeUndefined();
  });

  it('refuses a CSV without the columns it needs, naming them', async () => {
    await expect(goodreadsCandidates('Title,Author\nDune,Frank Herbert\n', options)).rejects.toThrow(ImportFormatError);
    await expect(goodreadsCandidates('Title,Author\nDune,Frank Herbert\n', options)).rejects.toThrow(/"Book Id", "My Rating", "Date Read", "Date Added", "Exclusive Shelf"/);
  });
});

describe('Letterboxd export', () => {
  const diary = fixture('letterboxd-diary.csv');
  const reviews = fixture('letterboxd-reviews.csv');
  // As Letterboxd sends it: the files at the top level, beside the folders of deleted entries and
  // of entries whose film is gone, which hold a diary.csv of their own (put first in the archive).
  const deletedDiary = strToU8('Date,Name,Year,Letterboxd URI,Rating,Rewatch,Tags,Watched Date\n2022-05-01,Deleted Film,1999,https://boxd.it/dEl1,3,,,2022-05-01\n');
  const orphanedDiary = strToU8('Date,Name,Year,Letterboxd URI,Rating,Rewatch,Tags,Watched Date\n2021-02-02,Orphaned Film,2001,https://boxd.it/oRp1,2,,,2021-02-02\n');
  const zip = zipSync({
    'deleted/diary.csv': deletedDiary,
    'orphaned/diary.csv': orphanedDiary,
    'orphaned/reviews.csv': strToU8('Date,Name,Year,Letterboxd URI,Rating,Rewatch,Review,Tags,Watched Date\n'),
    'diary.csv': diary,
    'reviews.csv': reviews,
    'watched.csv': strToU8('Date,Name,Year,Letterboxd URI\n'),
    'likes/films.csv': strToU8('Date,Name,Year,Letterboxd URI\n'),
  });

  it('makes each diary row a movie on its watched date, rewatches as entries of their own', async () => {
    const rows = await letterboxdCandidates(diary);
    expect(rows).toHaveLength(5);
    const arrivals = rows.filter((r) => r.title === 'Arrival');
    expect(arrivals.map((r) => [r.entryId, r.input!.finishedOn, r.input!.rating, r.note])).toEqual([
      ['letterboxd-3bWxYz', '2023-01-07', 4.5, undefined],
      ['letterboxd-3dEfGh', '2023-03-04', 5, 'rewatch'],
    ]);
    expect(arrivals[0]!.input).toMatchObject({ kind: 'movie', url: 'https://boxd.it/3bWxYz' });
  });

  it('reads half stars, and no rating as none', async () => {
    const rows = await letterboxdCandidates(diary);
    expect(byTitle(rows, 'Cats').input!.rating).toBe(0.5);
    expect(byTitle(rows, 'Paterson').input!.rating).toBeUndefined();
    expect(byTitle(rows, 'Crouching Tiger, Hidden Dragon').input!.rating).toBe(5);
  });

  it('joins reviews from reviews.csv in the ZIP to their diary entry, as plain text', async () => {
    const rows = await letterboxdCandidates(zip);
    const [first, rewatch] = rows.filter((r) => r.title === 'Arrival');
    expect(first!.input!.review).toBe('Heptapods & linguistics.\nBetter the second time, I expect.');
    expect(rewatch!.input!.review).toBe('It was.');
    expect(byTitle(rows, 'Cats').input!.review).toBeUndefined();
  });

  it('reads only the top-level diary.csv, never deleted/ or orphaned/', async () => {
    const rows = await letterboxdCandidates(zip);
    expect(rows.map((r) => r.title).sort()).toEqual(['Arrival', 'Arrival', 'Cats', 'Crouching Tiger, Hidden Dragon', 'Paterson']);
    await expect(letterboxdCandidates(zipSync({ 'deleted/diary.csv': deletedDiary, 'orphaned/diary.csv': orphanedDiary }))).rejects.toThrow(/no diary.csv at its top level/);
    // An export unpacked and zipped again as one folder: that folder's files, still not its deleted/.
    const rezipped = await letterboxdCandidates(zipSync({ 'letterboxd-ada/deleted/diary.csv': deletedDiary, 'letterboxd-ada/diary.csv': diary, 'letterboxd-ada/reviews.csv': reviews }));
    expect(rezipped.map((r) => r.title).sort()).toEqual(['Arrival', 'Arrival', 'Cats', 'Crouching Tiger, Hidden Dragon', 'Paterson']);
    expect(byTitle(rezipped, 'Cats').input!.review).toBeUndefined();
  });

  it('reads a ZIP written as a stream (sizes in data descriptors after each file, as zip writers that stream do)', async () => {
    const chunks: Uint8Array[] = [];
    const streamed = new Zip((err, data) => {
      if (err) throw err;
      chunks.push(data);
    });
    for (const [name, bytes] of [['deleted/diary.csv', deletedDiary], ['diary.csv', diary], ['reviews.csv', reviews]] as const) {
      const file = new ZipDeflate(name, { level: 6 });
      streamed.add(file);
      file.push(new Uint8Array(bytes), true);
    }
    streamed.end();
    const rows = await letterboxdCandidates(new Uint8Array(Buffer.concat(chunks)));
    expect(rows.map((r) => r.title).sort()).toEqual(['Arrival', 'Arrival', 'Cats', 'Crouching Tiger, Hidden Dragon', 'Paterson']);
    expect(rows.find((r) => r.title === 'Arrival')!.input!.review).toBe('Heptapods & linguistics.\nBetter the second time, I expect.');
  });

  it('inflates as a stream and stops at the total cap: a small ZIP of huge diaries is refused (413), not unpacked', async () => {
    // The report's ZIP held 8 diaries of 100 MiB; here 8 of 16 MiB against a cap of 4 MiB (the
    // default is 64 MiB), the same shape at a size a unit test can build quickly.
    process.env.IMPORT_MAX_UNZIPPED_BYTES = String(4 * 1024 * 1024);
    const header = 'Date,Name,Year,Letterboxd URI,Rating,Rewatch,Tags,Watched Date\n';
    const huge = new Uint8Array(16 * 1024 * 1024).fill(0x41);
    huge.set(strToU8(header));
    const files: Record<string, Uint8Array> = { 'diary.csv': huge };
    for (let i = 0; i < 7; i++) files[`deleted${i}/diary.csv`] = huge;
    const bomb = zipSync(files, { level: 9 });
    expect(bomb.length).toBeLessThan(1024 * 1024);
    let inflated = 0;
    const error = await readZipTexts(bomb, ['diary.csv'], 'The ZIP', undefined, (n) => (inflated += n)).then(() => undefined, (err: unknown) => err);
    expect(error).toBeInstanceOf(ImportFormatError);
    expect(error).toMatchObject({ status: 413, message: expect.stringMatching(/unpacks to more than 4194304 bytes/) });
    // Only the top-level diary was inflated, and only up to the cap (plus the last chunk: 8 KiB in, ~8 MiB out at most).
    expect(inflated).toBeLessThan(4 * 1024 * 1024 + 9 * 1024 * 1024);
    expect(inflated).toBeLessThan(16 * 1024 * 1024);
    await expect(letterboxdCandidates(bomb)).rejects.toMatchObject({ status: 413 });
    delete process.env.IMPORT_MAX_UNZIPPED_BYTES;
  });

  it('refuses a ZIP without diary.csv, and a diary without its columns', async () => {
    await expect(letterboxdCandidates(zipSync({ 'watched.csv': strToU8('Date,Name\n') }))).rejects.toThrow(/no diary.csv/);
    await expect(letterboxdCandidates(strToU8('Date,Title\n2023-01-01,Arrival\n'))).rejects.toThrow(/"Name", "Watched Date"/);
  });
});

describe("Shelf's own exports", () => {
  const exported = {
    version: 4,
    entries: [
      { id: 'a1', kind: 'book', title: '=cmd', creator: 'X', rating: 3.5, review: 'Line 1\nLine 2', finishedOn: '2025-01-02', visibility: 'private', announce: true, removed: false, loggedAt: '2025-01-02T10:00:00.000Z', updatedAt: '2025-01-02T10:00:00.000Z' },
      { id: 'b2', kind: 'game', title: 'Gone', finishedOn: '2025-02-03', visibility: 'public', announce: false, removed: true, loggedAt: '2025-02-03T10:00:00.000Z', updatedAt: '2025-02-04T10:00:00.000Z' },
    ],
  };

  it('restores entries.json with their ids, announce off, and lists removed entries as skipped', async () => {
    const rows = await shelfCandidates(JSON.stringify(exported, null, 2));
    expect(rows[0]).toMatchObject({ entryId: 'a1', input: { kind: 'book', title: '=cmd', rating: 3.5, visibility: 'private', announce: false, review: 'Line 1\nLine 2' } });
    expect(rows[0]!.input).not.toHaveProperty('loggedAt');
    expect(rows[1]).toMatchObject({ entryId: 'b2', skip: 'removed in the export' });
  });

  it("reads entries.csv, undoing the ' that guards formula-looking cells, with a BOM", async () => {
    const csv = '\uFEFFid,kind,title,creator,url,coverUrl,rating,review,finishedOn,visibility,announce,removed,loggedAt,updatedAt\r\n'
      + `a1,book,'=cmd,'@me,,,3.5,"Line 1\nLine 2",2025-01-02,private,true,false,2025-01-02T10:00:00.000Z,2025-01-02T10:00:00.000Z\r\n`
      + "c3,movie,'Salem's Lot,,,,,,2025-03-01,public,false,false,2025-03-01T10:00:00.000Z,2025-03-01T10:00:00.000Z\r\n";
    const rows = await shelfCandidates(csv);
    expect(rows[0]).toMatchObject({ line: 2, entryId: 'a1', input: { title: '=cmd', creator: '@me', rating: 3.5, review: 'Line 1\nLine 2', announce: false } });
    expect(rows[1]).toMatchObject({ line: 4, title: "'Salem's Lot" });
  });

  it('folds a media.jsonl log: edits and removals count', async () => {
    const at = '2025-01-01T00:00:00.000Z';
    const log = [
      { seq: 1, id: 'e1', type: 'MediaFinished', at, data: { entryId: 'a1', kind: 'book', title: 'Dune', finishedOn: '2025-01-01', visibility: 'public', announce: true } },
      { seq: 2, id: 'e2', type: 'MediaEdited', at, data: { entryId: 'a1', changes: { rating: { from: null, to: 4 } } } },
      { seq: 3, id: 'e3', type: 'MediaFinished', at, data: { entryId: 'b2', kind: 'movie', title: 'Heat', finishedOn: '2025-01-01', visibility: 'public', announce: false } },
      { seq: 4, id: 'e4', type: 'MediaRemoved', at, data: { entryId: 'b2' } },
    ].map((e) => JSON.stringify(e)).join('\n') + '\n';
    const rows = await shelfCandidates(log);
    expect(rows[0]).toMatchObject({ line: 1, entryId: 'a1', input: { title: 'Dune', rating: 4, announce: false } });
    expect(rows[1]).toMatchObject({ entryId: 'b2', skip: 'removed in the export' });
    await expect(shelfCandidates(log + '{"seq":5,"type":"Nope"}\n')).rejects.toThrow(/media.jsonl line 5/);
  });

  it('refuses JSON that is not an export', async () => {
    await expect(shelfCandidates('{"hello":1}')).rejects.toThrow(/no "entries" list/);
  });
});

describe('htmlToText', () => {
  it('turns breaks into line breaks, drops tags and decodes entities', async () => {
    expect(htmlToText('<i>Great</i> &amp; long<br/>next<br />line &#8217;s &lt;ok&gt;')).toBe('Great & long\nnext\nline ’s <ok>');
  });
});
