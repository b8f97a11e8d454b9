import { expect, test, type Page } from '@playwright/test';
import { logEntry } from './support/api';
import { startAppServer, type AppServer } from './support/app-server';

// Its own server: the test counts entries and pages, which entries logged by tests running in
// parallel on the shared server would shift.
let server: AppServer;
const ids: string[] = []; // ids[n - 1] is "Paged n"; n = 65 is the newest
test.beforeAll(async ({ request }) => {
  server = await startAppServer();
  for (let n = 1; n <= 65; n++) {
    const day = new Date(Date.UTC(2026, 0, 1) + n * 86_400_000).toISOString().slice(0, 10);
    const entry = await logEntry(request, { kind: n % 2 ? 'book' : 'game', title: `Paged ${n}`, finishedOn: day }, server.url);
    ids.push(entry.id);
  }
});
test.afterAll(async () => {
  await server?.stop();
});

const titles = (page: Page) => page.getByTestId('feed').getByRole('article').locator('h3').allTextContents();
const pages = (page: Page) => page.getByRole('navigation', { name: 'Pages' });
const range = (from: number, to: number) => Array.from({ length: from - to + 1 }, (_, i) => `Paged ${from - i}`);

test('a visitor pages from the newest entries to the oldest and back', async ({ page }) => {
  await page.goto(`${server.url}/about`);
  expect(await titles(page)).toEqual(range(65, 36));
  await expect(page.getByTestId('page-position')).toHaveText('1–30 of 65');
  await expect(pages(page).getByRole('link', { name: /Newer entries/ })).toHaveCount(0);

  await pages(page).getByRole('link', { name: /Older entries/ }).click();
  await expect(page).toHaveURL(/\/about\?from=/);
  expect(await titles(page)).toEqual(range(35, 6));
  await expect(page.getByTestId('page-position')).toHaveText('31–60 of 65');

  await pages(page).getByRole('link', { name: /Older entries/ }).click();
  expect(await titles(page)).toEqual(range(5, 1));
  await expect(pages(page).getByRole('link', { name: /Older entries/ })).toHaveCount(0);

  await pages(page).getByRole('link', { name: /Newer entries/ }).click();
  expect(await titles(page)).toEqual(range(35, 6));
  await pages(page).getByRole('link', { name: /Newer entries/ }).click();
  await expect(page).toHaveURL(new RegExp(`^${server.url}/about$`));
  expect(await titles(page)).toEqual(range(65, 36));
});

test('paging keeps the kind filter', async ({ page }) => {
  await page.goto(`${server.url}/about?kind=game`);
  await expect(page.getByTestId('page-position')).toHaveText('1–30 of 32');
  await pages(page).getByRole('link', { name: /Older entries/ }).click();
  await expect(page).toHaveURL(/kind=game/);
  expect(await titles(page)).toEqual(['Paged 4', 'Paged 2']);
  await expect(page.locator('[data-kind]:not([data-kind="game"])')).toHaveCount(0);
});

test('an older page shows an entry logged after it was opened only on the first page', async ({ page, request }) => {
  await page.goto(`${server.url}/about`);
  await pages(page).getByRole('link', { name: /Older entries/ }).click();
  const olderUrl = page.url();
  await logEntry(request, { kind: 'book', title: 'Paged newest' }, server.url);
  await page.goto(olderUrl);
  expect((await titles(page))[0]).toBe('Paged 35'); // the page stays where it was
  await pages(page).getByRole('link', { name: /Newer entries/ }).click();
  expect((await titles(page)).slice(0, 2)).toEqual(['Paged 65', 'Paged 64']);
  await page.goto(`${server.url}/about`);
  expect((await titles(page))[0]).toBe('Paged newest');
});

test("a feed's link to an entry that is no longer on the first page lands on it", async ({ page }) => {
  const id = ids[9]!; // Paged 10
  await page.goto(`${server.url}/about#entry-${encodeURIComponent(id)}`);
  await expect(page).toHaveURL(new RegExp(`from=${id}#entry-`));
  await expect(page.locator(`[data-entry-id="${id}"]`)).toBeVisible();
  expect((await titles(page))[0]).toBe('Paged 10');
});
