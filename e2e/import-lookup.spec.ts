import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { zipSync } from 'fflate';
import { iTunesMovieAnswer, openLibraryAnswer, startStandIn, type StandIn } from '../lib/lookup/testing/stand-ins';
import { fillEntryForm, loginAsOwner } from './support/admin';
import { adminToken } from './support/api';
import { startAppServer, type AppServer } from './support/app-server';

// A server of its own (an empty shelf to import into), with the lookup sources pointed at stand-ins.
const fixtures = join(process.cwd(), 'lib', 'import', 'fixtures');
const goodreadsFile = join(fixtures, 'goodreads_library_export.csv');
let server: AppServer;
let openLibrary: StandIn;
let itunes: StandIn;

test.beforeAll(async () => {
  openLibrary = await startStandIn((url) => (url.pathname === '/search.json' ? { body: openLibraryAnswer(url.searchParams.get('q')!) } : { status: 404 }));
  itunes = await startStandIn(() => ({ body: iTunesMovieAnswer() }));
  server = await startAppServer({
    OPENLIBRARY_URL: openLibrary.url,
    OPENLIBRARY_COVERS_URL: 'https://covers.example',
    ITUNES_SEARCH_URL: `${itunes.url}/search`,
  });
});
test.afterAll(async () => {
  await server?.stop();
  await Promise.all([openLibrary?.close(), itunes?.close()]);
});
test.describe.configure({ mode: 'serial' });
// A shared 2-core machine: a login, an import and two page loads can take longer than the default 30 s.
test.setTimeout(90_000);

const logLines = () => readFileSync(join(server.eventsDir, 'media.jsonl'), 'utf8').split('\n').filter(Boolean);
const post = (path: string, body: Uint8Array) =>
  fetch(`${server.url}${path}`, { method: 'POST', headers: { authorization: `Bearer ${adminToken()}` }, body: new Blob([new Uint8Array(body)]) });

test('the owner previews a Goodreads export, imports it, and visitors see the books by date; a second import adds nothing', async ({ page }) => {
  await loginAsOwner(page, server.url);
  await page.getByRole('navigation', { name: 'Admin' }).getByRole('link', { name: 'Import' }).click();
  await expect(page.getByRole('heading', { name: 'Import' })).toBeVisible();
  await page.getByLabel('Source').selectOption('goodreads');
  await page.getByLabel('Export file').setInputFiles(goodreadsFile);
  await page.getByRole('button', { name: 'Preview' }).click();

  const preview = page.getByRole('region', { name: 'Preview' });
  await expect(preview.getByRole('listitem')).toHaveText(['7 rows', '5 new', '0 already imported', '1 skipped', '1 errors']);
  await expect(preview.getByRole('row').filter({ hasText: "Old Man's War" })).toContainText('new'); // currently reading: in progress
  await expect(preview.getByRole('row').filter({ hasText: 'Europe in Autumn' })).toContainText(/skipped\s*on the to-read shelf/);
  await expect(preview.getByRole('row').filter({ hasText: 'Dune' })).toContainText('2019-07-02');
  await expect(preview.getByRole('row').filter({ hasText: '(untitled row 9)' })).toContainText('Title is required');
  expect(logLines()).toHaveLength(0); // the preview wrote nothing

  await page.getByLabel('Public').check();
  await page.getByRole('button', { name: 'Import 5 new entries' }).click();
  await expect(page.getByRole('status')).toContainText('Imported 5 entries.');
  await expect(page.getByLabel('Import progress')).toHaveAttribute('value', '5');
  expect(logLines()).toHaveLength(5);

  await page.goto(`${server.url}/about`);
  await expect(page.getByTestId('feed').locator('h3')).toHaveText([
    'The Way of Kings (The Stormlight Archive #1)',
    'A Game of Thrones (A Song of Ice and Fire, #1)',
    'Dune',
    'All the Light We Cannot See',
  ]);
  await expect(page.getByTestId('now')).toContainText("Old Man's War");
  const dune = page.getByRole('article').filter({ hasText: 'Dune' });
  await expect(dune).toContainText('Jul 2, 2019');
  await expect(dune).toContainText('Second line, after a real line break.');

  // The same file again: nothing new, nothing appended.
  await page.goto(`${server.url}/admin/import`);
  await page.getByLabel('Export file').setInputFiles(goodreadsFile);
  await page.getByRole('button', { name: 'Preview' }).click();
  await expect(page.getByRole('region', { name: 'Preview' }).getByRole('listitem')).toHaveText(['7 rows', '0 new', '5 already imported', '1 skipped', '1 errors']);
  await expect(page.getByRole('button', { name: 'Nothing new to import' })).toBeDisabled();
  const again = await (await post('/api/import?source=goodreads', readFileSync(goodreadsFile))).json();
  expect(again.summary).toEqual({ rows: 7, new: 0, alreadyImported: 5, skipped: 1, errors: 1 });
  expect(logLines()).toHaveLength(5);
});

test('scripts import a Letterboxd ZIP over HTTP; a wrong file is a 400 naming what is missing, and nothing is appended', async () => {
  const zip = new Uint8Array(zipSync({
    'letterboxd-owner/diary.csv': readFileSync(join(fixtures, 'letterboxd-diary.csv')),
    'letterboxd-owner/reviews.csv': readFileSync(join(fixtures, 'letterboxd-reviews.csv')),
  }));
  const before = logLines().length;
  const dry = await post('/api/import?source=letterboxd&dryRun=1', zip);
  expect(dry.status).toBe(200);
  expect((await dry.json()).summary).toEqual({ rows: 5, new: 5, alreadyImported: 0, skipped: 0, errors: 0 });
  expect(logLines()).toHaveLength(before);

  const wrong = await post('/api/import?source=goodreads', zip);
  expect(wrong.status).toBe(400);
  expect((await wrong.json()).error).toMatch(/missing the columns "Book Id"/);
  const noSource = await post('/api/import?source=trakt', zip);
  expect(noSource.status).toBe(400);
  expect((await noSource.json()).fields).toHaveProperty('source');
  expect(logLines()).toHaveLength(before);

  const imported = await (await post('/api/import?source=letterboxd&visibility=private', zip)).json();
  expect(imported.summary.new).toBe(5);
  const events = logLines().slice(before).map((line) => JSON.parse(line));
  expect(events.map((e) => e.id)).toContain('import:letterboxd-3dEfGh');
  expect(events.every((e) => e.data.importedFrom === 'letterboxd' && e.data.announce === false && e.data.visibility === 'private')).toBe(true);
  expect((await fetch(`${server.url}/api/import?source=letterboxd`, { method: 'POST', body: new Blob([zip]) })).status).toBe(401);
});

test('typing a title in the entry form offers matches from the lookup; choosing one fills the form', async ({ page }) => {
  await loginAsOwner(page, server.url);
  await fillEntryForm(page, { kind: 'book', title: 'Dune' });
  await page.getByRole('list', { name: 'Matches' }).getByRole('button', { name: /Dune Messiah/ }).click();
  await expect(page.getByLabel('Title', { exact: true })).toHaveValue('Dune Messiah');
  await expect(page.locator('#creator')).toHaveValue('Frank Herbert');
  await expect(page.getByLabel('Link')).toHaveValue(`${openLibrary.url}/works/OL1963268W`);
  await expect(page.getByLabel('Cover image')).toHaveValue('https://covers.example/b/isbn/0399128492-M.jpg');
  expect(openLibrary.requests.at(-1)!.headers['user-agent']).toMatch(/^Shelf\//);

  await page.getByLabel('Finished', { exact: true }).fill('2026-11-01');
  await page.getByRole('button', { name: 'Log it' }).click();
  await expect(page.getByRole('status')).toHaveText('Logged “Dune Messiah”.');

  // A kind without a source says so, and the form still logs by hand.
  await fillEntryForm(page, { kind: 'game', title: 'Outer Wilds' });
  await expect(page.getByText('No lookup for games: fill in the fields yourself')).toBeVisible();
});
