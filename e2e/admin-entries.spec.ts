import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { fillEntryForm, loginAsOwner } from './support/admin';
import { uniqueTitle } from './support/api';
import { startAppServer, type AppServer } from './support/app-server';

// The owner's whole journey on a server of its own, so that a restart in the middle is possible.
let server: AppServer;
test.beforeAll(async () => {
  server = await startAppServer({ SHELF_OWNER_NAME: 'Ada Reader' });
});
test.afterAll(async () => server.stop());
test.describe.configure({ mode: 'serial' });

const logLines = () => readFileSync(join(server.eventsDir, 'media.jsonl'), 'utf8').split('\n').filter(Boolean);

test('the owner logs a book and a game and visitors see them in order, with details and filters', async ({ page }) => {
  await loginAsOwner(page, server.url);
  await fillEntryForm(page, { kind: 'book', title: 'The Dispossessed', creator: 'Ursula K. Le Guin', rating: '4.5', review: 'Two worlds, one wall.', finishedOn: '2026-11-10' });
  await page.getByRole('button', { name: 'Log it' }).click();
  await expect(page.getByRole('status')).toHaveText('Logged “The Dispossessed”.');
  await expect(page.getByLabel('Title', { exact: true })).toHaveValue(''); // a fresh form for the next one

  await fillEntryForm(page, { kind: 'game', title: 'Outer Wilds', creator: 'Mobius Digital', rating: '5', finishedOn: '2026-11-12' });
  await page.getByRole('button', { name: 'Log it' }).click();
  await expect(page.getByRole('status')).toHaveText('Logged “Outer Wilds”.');
  await expect(page.getByTestId('admin-entries').getByText('Outer Wilds')).toBeVisible();

  await page.goto(`${server.url}/about`);
  await expect(page.getByTestId('feed').locator('h3')).toHaveText(['Outer Wilds', 'The Dispossessed']);
  const book = page.getByRole('article').filter({ hasText: 'The Dispossessed' });
  await expect(book).toContainText('Ursula K. Le Guin');
  await expect(book).toContainText('Nov 10, 2026');
  await expect(book).toContainText('Two worlds, one wall.');
  await expect(book.getByRole('img', { name: 'Rated 4.5 out of 5' })).toBeVisible();
  await expect(page.getByTestId('year-summary')).toHaveText('So far in 2026: 1 book, 1 game');

  await page.getByRole('link', { name: /Books/ }).click();
  await expect(page.getByTestId('feed').locator('h3')).toHaveText(['The Dispossessed']);
});

test('an invalid form shows each error next to its field, keeps the input, and logs nothing', async ({ page }) => {
  const before = logLines().length;
  await loginAsOwner(page, server.url);
  await fillEntryForm(page, { title: '', creator: 'Kept Creator', url: 'javascript:alert(1)', finishedOn: '2099-01-01', review: 'Kept review' });
  await page.getByRole('button', { name: 'Log it' }).click();
  await expect(page.getByRole('status')).toContainText('Not logged');
  await expect(page.getByLabel('Title', { exact: true })).toHaveAttribute('aria-invalid', 'true');
  await expect(page.locator('#title-error')).toHaveText('Title is required');
  await expect(page.locator('#url-error')).toContainText('http:// or https://');
  await expect(page.locator('#finishedOn-error')).toHaveText('Finished date cannot be in the future');
  await expect(page.locator('#creator')).toHaveValue('Kept Creator');
  await expect(page.getByLabel('Link')).toHaveValue('javascript:alert(1)');
  await expect(page.getByLabel(/Short review/)).toHaveValue('Kept review');
  expect(logLines().length).toBe(before);
});

test('edit records only what changed; remove hides and restore brings back', async ({ page }) => {
  await loginAsOwner(page, server.url);
  await page.getByRole('link', { name: 'Edit The Dispossessed' }).click();
  await expect(page.getByRole('heading', { name: 'Edit “The Dispossessed”' })).toBeVisible();
  await page.getByLabel('Rating').selectOption('4');
  await page.getByLabel('Title', { exact: true }).fill('The Dispossessed (reread)');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByRole('status')).toHaveText("Saved: title 'The Dispossessed' -> 'The Dispossessed (reread)', rating 4.5 -> 4.");
  const edit = JSON.parse(logLines().at(-1)!);
  expect(edit.type).toBe('MediaEdited');
  expect(edit.data.changes).toEqual({ title: { from: 'The Dispossessed', to: 'The Dispossessed (reread)' }, rating: { from: 4.5, to: 4 } });

  await page.goto(`${server.url}/admin`);
  page.once('dialog', (dialog) => dialog.accept()); // Remove asks first
  await page.getByRole('button', { name: 'Remove The Dispossessed (reread)' }).click();
  await expect(page.getByRole('button', { name: 'Restore The Dispossessed (reread)' })).toBeVisible();
  await page.goto(`${server.url}/about`);
  await expect(page.getByRole('heading', { name: 'The Dispossessed (reread)' })).toHaveCount(0);

  await page.goto(`${server.url}/admin`);
  await page.getByRole('button', { name: 'Restore The Dispossessed (reread)' }).click();
  await expect(page.getByRole('button', { name: 'Remove The Dispossessed (reread)' })).toBeVisible();
  await page.goto(`${server.url}/about`);
  await expect(page.getByRole('heading', { name: 'The Dispossessed (reread)' })).toBeVisible();
});

test('a private entry stays off the About page', async ({ page }) => {
  const title = uniqueTitle('Secret Diary');
  await loginAsOwner(page, server.url);
  await fillEntryForm(page, { kind: 'book', title, private: true });
  await page.getByRole('button', { name: 'Log it' }).click();
  await expect(page.getByRole('status')).toHaveText(`Logged “${title}”.`);
  await page.goto(`${server.url}/about`);
  await expect(page.getByText(title)).toHaveCount(0);
});

test('a restart of the server keeps everything', async ({ page }) => {
  await page.goto(`${server.url}/about`);
  const before = await page.getByTestId('feed').locator('h3').allTextContents();
  await server.restart();
  await page.goto(`${server.url}/about`);
  await expect(page.getByTestId('feed').locator('h3')).toHaveText(before);
  expect(before).toEqual(['Outer Wilds', 'The Dispossessed (reread)']);
});
