import { expect, test } from '@playwright/test';
import { logEntry, uniqueTitle } from './support/api';

test('healthz answers ok', async ({ request }) => {
  const response = await request.get('/healthz');
  expect(response.status()).toBe(200);
  expect(await response.text()).toBe('ok');
});

test('a page rendered from the store shows an event dispatched through a route handler at once', async ({ page, request }) => {
  const title = uniqueTitle('Smoke Test Book');
  await logEntry(request, { kind: 'book', title });
  await page.goto('/');
  await expect(page).toHaveURL(/\/about$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Ada Reader');
  await expect(page.getByRole('heading', { name: title })).toBeVisible();
});
