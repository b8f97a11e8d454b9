import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../eventstore/testing/counter';
import { mediaStore, readyMediaStore } from '../media/store';
import { decodeImdb, imdbCandidates } from './imdb';
import { runImport } from './run';

// Today's export (CRLF, titles and directors with commas in quotes, every kind of title, an
// empty rating, a row without its date) and an older one (short header, camelCase types, Latin-1).
const today = readFileSync(new URL('./fixtures/imdb_ratings.csv', import.meta.url));
const older = readFileSync(new URL('./fixtures/imdb_ratings_latin1.csv', import.meta.url));
let rows: Awaited<ReturnType<typeof imdbCandidates>>;
beforeAll(async () => {
  rows = await imdbCandidates(today);
});
const byTitle = (title: string) => rows.find((r) => r.title === title)!;

describe('IMDb ratings export', () => {
  it('makes a rated movie a finished movie on the day rated, its rating out of 10 as halves of 5', () => {
    expect(byTitle('Arrival')).toMatchObject({
      line: 2,
      entryId: 'imdb-tt2543164',
      input: { kind: 'movie', title: 'Arrival', creator: 'Denis Villeneuve', rating: 4.5, finishedOn: '2024-03-15', url: 'https://www.imdb.com/title/tt2543164/' },
    });
    expect(byTitle('Crouching Tiger, Hidden Dragon').input).toMatchObject({ rating: 4, creator: 'Ang Lee' });
    expect(byTitle('Avengers: Endgame').input).toBeUndefined();
    expect(byTitle('Avengers: Endgame').error).toBe('no Date Rated');
  });

  it('makes a series a show, a TV movie a movie; skips episodes and other types, saying why; no rating is none', () => {
    expect(byTitle('Severance').input).toMatchObject({ kind: 'show', rating: 5, finishedOn: '2025-01-20' });
    expect(byTitle('A Tale of Two Critters').input).toMatchObject({ kind: 'movie', rating: 3 });
    expect(byTitle('In Perpetuity').skip).toMatch(/^an episode: its series is what Shelf keeps/);
    expect(byTitle('Spider-Man: Homecoming').skip).toBe('a Video Game: only movies, TV movies and series are imported');
    expect(byTitle('In the Mood for Love').input).toMatchObject({ kind: 'movie', rating: undefined, creator: 'Wong Kar-wai' });
  });

  it('reads an older export written in Latin-1 with camelCase title types', async () => {
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(older)).toThrow();
    expect(decodeImdb(older)).toContain("Le fabuleux destin d'Amélie Poulain");
    expect((await imdbCandidates(older)).map((r) => [r.title, r.input?.kind])).toEqual([
      ["Le fabuleux destin d'Amélie Poulain", 'movie'],
      ['The Office', 'show'],
      ['Firefly', 'show'],
    ]);
  });

  it('refuses a file that is not a ratings export, naming the missing columns', async () => {
    await expect(imdbCandidates(Buffer.from('Position,Const,Created,Title\n1,tt1,2020-01-01,X\n'))).rejects.toThrow(/"Your Rating", "Date Rated", "Title Type"/);
  });
});

describe('importing IMDb ratings into the log', () => {
  beforeAll(() => {
    process.env.EVENTS_DIR = tempDir('shelf-import-imdb-');
  });
  afterAll(async () => {
    await mediaStore().close();
  });

  it('logs the rows it can, once', async () => {
    const first = await runImport({ source: 'imdb', bytes: today, dryRun: false });
    expect(first.summary).toEqual({ rows: 8, new: 5, alreadyImported: 0, skipped: 2, errors: 1 });
    expect((await readyMediaStore()).snapshot().entries.get('imdb-tt11280740')).toMatchObject({ kind: 'show', status: 'finished', importedFrom: 'imdb' });
    expect((await runImport({ source: 'imdb', bytes: today, dryRun: false })).summary).toMatchObject({ new: 0, alreadyImported: 5 });
  });
});
