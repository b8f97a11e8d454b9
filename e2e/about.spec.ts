import { expect, test } from '@playwright/test';
import { logEntry, uniqueTitle } from './support/api';

test('a visitor sees finished items newest first with their details, and can filter by kind', async ({ page, request }) => {
  const book = uniqueTitle('Visitor Book');
  const game = uniqueTitle('Visitor Game');
  await logEntry(request, { kind: 'book', title: book, creator: 'Ursula K. Le Guin', rating: 4.5, review: 'Quiet and <b>huge</b>.', finishedOn: '2026-11-02', url: 'https://example.com/book' });
  await logEntry(request, { kind: 'game', title: game, creator: 'Mobius Digital', rating: 5, finishedOn: '2026-11-03' });

  await page.goto('/about');
  const items = page.getByTestId('feed').getByRole('article');
  const titles = await items.locator('h3').allTextContents();
  expect(titles.indexOf(game)).toBeLessThan(titles.indexOf(book)); // finished later, listed first

  const bookItem = items.filter({ hasText: book });
  await expect(bookItem.getByRole('link', { name: book })).toHaveAttribute('href', 'https://example.com/book');
  await expect(bookItem).toContainText('Ursula K. Le Guin');
  await expect(bookItem).toContainText('Book');
  await expect(bookItem.locator('time')).toHaveText('Nov 2, 2026');
  await expect(bookItem.getByRole('img', { name: 'Rated 4.5 out of 5' })).toBeVisible();
  // A review is the owner's Markdown, as on the entry page: raw HTML in it is dropped, never rendered
  await expect(bookItem).toContainText('Quiet and huge.');
  await expect(bookItem.locator('b')).toHaveCount(0);
  await expect(page.getByTestId('year-summary')).toContainText('in 2026');

  await page.getByRole('navigation', { name: 'Filter by kind' }).getByRole('link', { name: /Games/ }).click();
  await expect(page).toHaveURL(/kind=game/);
  await expect(page.getByRole('heading', { name: game })).toBeVisible();
  await expect(page.getByRole('heading', { name: book })).toHaveCount(0);
  await expect(page.locator('[data-kind]:not([data-kind="game"])')).toHaveCount(0);
});

test('an unknown kind filter shows everything instead of failing', async ({ page }) => {
  const response = await page.goto('/about?kind=opera');
  expect(response?.status()).toBe(200);
  await expect(page.getByRole('heading', { name: 'Recently finished' })).toBeVisible();
});

test('the About page advertises its feeds', async ({ page }) => {
  await page.goto('/about');
  await expect(page.locator('link[rel="alternate"][type="application/atom+xml"]')).toHaveAttribute('href', /\/feed\.xml$/);
  await expect(page.locator('link[rel="alternate"][type="application/feed+json"]')).toHaveAttribute('href', /\/feed\.json$/);
});
