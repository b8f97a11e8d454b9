import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { loginAsOwner } from './support/admin';
import { adminToken, logEntry } from './support/api';
import { startAppServer, type AppServer } from './support/app-server';

// Statuses, tags, entry pages, the year in review and search, on a server of its own so that the
// year's numbers are exactly what these tests logged.
let server: AppServer;
test.beforeAll(async () => {
  server = await startAppServer({ SHELF_OWNER_NAME: 'Ada Reader', TZ: 'UTC' });
});
test.afterAll(async () => server.stop());
// Long journeys on a shared machine: more time than the default, never a speed check.
test.describe.configure({ mode: 'serial', timeout: 120_000 });

const logLines = () => readFileSync(join(server.eventsDir, 'media.jsonl'), 'utf8').split('\n').filter(Boolean);
const auth = () => ({ authorization: `Bearer ${adminToken()}` });
const today = () => new Date().toISOString().slice(0, 10);
const year = () => today().slice(0, 4);
const TITLE = 'The Left Hand of Darkness';

test('start a book in the admin, see it under Now and in the widget, finish it, find it in the feed, its page, the year and by tag', async ({ page, request }) => {
  await loginAsOwner(page, server.url);
  await page.getByLabel('Title', { exact: true }).fill(TITLE);
  await page.locator('#creator').fill('Ursula K. Le Guin');
  await page.getByLabel('Status').selectOption('in-progress');
  await expect(page.getByLabel('Finished', { exact: true })).toBeHidden();
  await page.locator('#startedOn').fill(`${year()}-01-05`);
  await page.locator('#progress').fill('30');
  await page.getByLabel(/Short review/).fill('Winter, and *Genly Ai*.\n\n>! Estraven dies.');
  await page.getByLabel('Tags').fill('Slow Burn');
  await page.getByLabel('Tags').press('Enter');
  await page.getByLabel('Tags').fill('classics,');
  await expect(page.locator('[data-tag]')).toHaveText(['#slow burn×', '#classics×']);
  await page.getByRole('button', { name: 'Log it' }).click();
  await expect(page.getByRole('status')).toHaveText(`Logged “${TITLE}”.`);
  const row = page.getByTestId('admin-entries').locator('li').filter({ hasText: TITLE });
  await expect(row).toHaveAttribute('data-status', 'in-progress');
  const id = (await row.getAttribute('data-entry-id'))!;

  // Now, on the About page and in the widget (with now=1 only); not in the finished feed.
  await page.goto(`${server.url}/about`);
  const now = page.getByTestId('now');
  await expect(now).toContainText(TITLE);
  await expect(now.getByTestId('progress')).toHaveText('30%');
  await expect(page.getByTestId('feed')).toHaveCount(0);
  await page.goto(`${server.url}/embed?now=1`);
  await expect(page.getByTestId('now')).toContainText(TITLE);
  await page.goto(`${server.url}/embed`);
  await expect(page.getByTestId('now')).toHaveCount(0);
  expect((await (await request.get(`${server.url}/feed.json`)).json()).items).toHaveLength(0);

  // Finish it from its row: it leaves Now and heads the feed, with the days it took.
  await page.goto(`${server.url}/admin`);
  await page.getByRole('button', { name: `Finish ${TITLE}` }).click();
  await expect(page.getByTestId('admin-entries').locator(`li[data-entry-id="${id}"]`)).toHaveAttribute('data-status', 'finished');
  await page.goto(`${server.url}/about`);
  await expect(page.getByTestId('now')).toHaveCount(0);
  const item = page.getByTestId('feed').getByRole('article').filter({ hasText: TITLE });
  await expect(item).toBeVisible();
  const days = Math.round((Date.parse(today()) - Date.parse(`${year()}-01-05`)) / 86_400_000);
  await expect(item.getByTestId('days-to-finish')).toHaveText(days === 1 ? '1 day' : `${days} days`);
  const feed = await (await request.get(`${server.url}/feed.json`)).json();
  expect(feed.items[0]).toMatchObject({ url: `${server.url}/entries/${id}`, tags: ['book', 'slow burn', 'classics'] });

  // Its page: Markdown review, the spoiler hidden until clicked, tags.
  await item.getByRole('link', { name: 'Entry page' }).click();
  await expect(page).toHaveURL(`${server.url}/entries/${id}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(TITLE);
  await expect(page.getByTestId('entry-status')).toHaveText('Finished');
  await expect(page.locator('em')).toHaveText('Genly Ai');
  await expect(page.getByText('Estraven dies.')).toBeHidden();
  await page.getByText('Spoiler (click to show)').click();
  await expect(page.getByText('Estraven dies.')).toBeVisible();
  await expect(page.getByRole('list', { name: 'Tags' }).getByRole('link')).toHaveText(['#slow burn', '#classics']);

  // Search finds it by a tag, by the tag filter, and not by a word it does not have.
  await page.goto(`${server.url}/about`);
  await expect(page.getByTestId('feed')).toBeVisible();
  await page.locator('#about-q').fill('slow burn');
  await page.getByRole('button', { name: 'Search' }).click();
  await expect(page).toHaveURL(/q=slow\+burn/);
  await expect(page.getByTestId('feed').locator('h3')).toHaveText([TITLE]);
  await page.getByTestId('feed').getByRole('link', { name: '#classics' }).click();
  await expect(page.getByTestId('search-summary')).toContainText('tagged #classics');
  await expect(page.getByTestId('feed').locator('h3')).toHaveText([TITLE]);
  await page.goto(`${server.url}/about?q=dispossessed`);
  await expect(page.getByTestId('feed')).toHaveCount(0);
  await expect(page.getByText('Nothing matches.')).toBeVisible();
});

test('the year page counts exactly the entries logged that year', async ({ page, request }) => {
  const y = year();
  const log = (entry: Record<string, unknown>) => logEntry(request, entry, server.url);
  await log({ kind: 'movie', title: 'Alien', rating: 5, finishedOn: `${y}-01-20`, startedOn: `${y}-01-20` });
  await log({ kind: 'movie', title: 'Aliens', rating: 3, finishedOn: `${y}-01-21` });
  await log({ kind: 'game', title: 'Hades', rating: 4, finishedOn: `${y}-01-30`, startedOn: `${y}-01-01` });
  await log({ kind: 'book', title: 'Last year', finishedOn: `${Number(y) - 1}-12-31` });
  await log({ kind: 'book', title: 'Secret', finishedOn: `${y}-01-02`, visibility: 'private' });
  await log({ kind: 'book', title: 'Still reading', status: 'in-progress' });

  await page.goto(`${server.url}/about`);
  await page.getByRole('link', { name: `${y} in review` }).click();
  await expect(page).toHaveURL(`${server.url}/year/${y}`);
  // The book of the first test, two movies and a game; not last year's, the private or the unfinished one.
  await expect(page.getByTestId('year-total')).toHaveText(`4 finished: 1 book, 2 movies, 1 game`);
  await expect(page.getByTestId('year-kind-movie')).toHaveText('2');
  const chart = page.getByTestId('month-chart');
  const thisMonth = Number(today().slice(5, 7));
  await expect(chart.locator('[data-month="1"]')).toHaveAttribute('data-count', thisMonth === 1 ? '4' : '3');
  await expect(chart.locator(`[data-month="${thisMonth}"]`)).toHaveAttribute('data-count', thisMonth === 1 ? '4' : '1');
  await expect(page.getByTestId('year-average')).toContainText('4.0 of 5');
  await expect(page.getByTestId('year-highest')).toContainText('Alien');
  await expect(page.getByTestId('year-shortest')).toContainText('Alien: same day');
  await expect(page.getByTestId('year-longest')).toContainText(TITLE);

  await page.goto(`${server.url}/year/1999`);
  await expect(page.getByTestId('year-empty')).toContainText('Nothing finished in 1999');
  expect((await request.get(`${server.url}/year/abcd`)).status()).toBe(404);
});

test('entry pages: private, removed and unknown ids are a 404 page', async ({ request }) => {
  const secret = await logEntry(request, { kind: 'book', title: 'Diary', visibility: 'private' }, server.url);
  const gone = await logEntry(request, { kind: 'book', title: 'Gone' }, server.url);
  expect((await request.get(`${server.url}/entries/${gone.id}`)).status()).toBe(200);
  expect((await request.delete(`${server.url}/api/media/${gone.id}`, { headers: auth() })).status()).toBe(200);
  for (const id of [secret.id, gone.id, 'no-such-entry']) {
    const response = await request.get(`${server.url}/entries/${id}`);
    expect(response.status(), id).toBe(404);
  }
});

test('the entries API: get, patch (partial, validated), delete; 404 for unknown ids; nothing appended on errors', async ({ request }) => {
  const url = (id: string) => `${server.url}/api/media/${id}`;
  const created = await (await request.post(`${server.url}/api/media`, { headers: auth(), data: { kind: 'show', title: 'Severance', status: 'in-progress', progress: 20, tags: ['Work ', 'work', 'Mystery'] } })).json();
  expect(created.entry).toMatchObject({ status: 'in-progress', progress: 20, tags: ['work', 'mystery'] });
  const id = created.entry.id;
  expect(await (await request.get(url(id))).json()).toMatchObject({ entry: { id, title: 'Severance', status: 'in-progress' } });

  const before = logLines().length;
  const bad = await request.patch(url(id), { headers: auth(), data: { rating: 9, progress: 101, color: 'red' } });
  expect(bad.status()).toBe(400);
  expect((await bad.json()).fields).toEqual({ rating: expect.any(String), progress: expect.any(String), color: expect.any(String) });
  expect((await request.patch(url('nope'), { headers: auth(), data: { rating: 4 } })).status()).toBe(404);
  expect((await request.patch(url(id), { data: { rating: 4 } })).status()).toBe(401);
  expect((await request.get(`${server.url}/api/media?status=done&year=26`)).status()).toBe(400);
  const unknown = await request.get(url('nope'));
  expect(unknown.status()).toBe(404);
  expect(await unknown.json()).toEqual({ error: expect.stringContaining('nope') });
  expect(logLines().length).toBe(before);

  const patched = await request.patch(url(id), { headers: auth(), data: { status: 'finished', rating: 4.5 } });
  expect(patched.status()).toBe(200);
  expect((await patched.json()).entry).toMatchObject({ status: 'finished', rating: 4.5, finishedOn: today() });
  expect(logLines().length).toBe(before + 1);
  const edit = JSON.parse(logLines().at(-1)!);
  expect(Object.keys(edit.data.changes).sort()).toEqual(['finishedOn', 'progress', 'rating', 'status']);

  const listed = await (await request.get(`${server.url}/api/media?tag=mystery&status=finished`)).json();
  expect(listed.entries.map((e: { id: string }) => e.id)).toEqual([id]);
  expect((await request.get(`${server.url}/api/media?visibility=all`)).status()).toBe(401);
  const all = await (await request.get(`${server.url}/api/media?visibility=all&status=all&q=diary`, { headers: auth() })).json();
  expect(all.entries.map((e: { title: string }) => e.title)).toEqual(['Diary']);

  expect((await request.delete(url(id), { headers: auth() })).status()).toBe(200);
  expect((await request.get(url(id))).status()).toBe(404);
  expect((await request.delete(url(id), { headers: auth() })).status()).toBe(404);
});

test('a private entry marked announce: the form says it is not posted while private', async ({ page }) => {
  await loginAsOwner(page, server.url);
  await page.getByLabel('Title', { exact: true }).fill('Quiet one');
  await page.getByLabel('Private').check();
  await page.getByLabel(/Post it to my channels/).check();
  await expect(page.getByTestId('announce-preview')).toContainText('Private entries are never announced');
  await page.getByRole('button', { name: 'Log it' }).click();
  const row = page.getByTestId('admin-entries').locator('li').filter({ hasText: 'Quiet one' });
  await expect(row.getByTestId('announce-note')).toContainText('private (it is posted if made public)');
});
