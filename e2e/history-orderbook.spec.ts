import { expect, test } from '@playwright/test';
import { loginAsOwner } from './support/admin';
import { startAppServer, type AppServer } from './support/app-server';

// Its own server: on the shared one, another test's order could match ours first.
let app: AppServer;
test.beforeAll(async () => {
  app = await startAppServer();
});
test.afterAll(async () => {
  await app?.stop();
});

test('the orderbook history says what matched, and the past view shows the book before and after the trade', async ({ page, request }) => {
  expect((await request.post(`${app.url}/sell/7/150`)).status()).toBe(200);
  expect((await request.post(`${app.url}/buy/8/155`)).status()).toBe(200);

  await loginAsOwner(page, app.url);
  await page.goto(`${app.url}/admin/history?store=orderbook`);
  const rows = page.getByTestId('history').locator('li');
  await expect(rows.filter({ hasText: 'order buy 8 @ 155, matched sell 7 @ 150' })).toHaveCount(1);
  const sell = rows.filter({ hasText: 'order sell 7 @ 150' });
  const sellSeq = Number(await sell.getAttribute('data-seq'));

  // As of the sell: it rests on the book, nothing has traded.
  await sell.getByRole('link', { name: `View as of event #${sellSeq}` }).click();
  await expect(page).toHaveURL(`${app.url}/admin/history/as-of/${sellSeq}?store=orderbook`);
  await expect(page.getByTestId('past-banner')).toContainText(`You are looking at the orderbook as of event #${sellSeq},`);
  const book = page.getByTestId('past-book');
  await expect(book.getByTestId('best-ask')).toHaveText('150');
  await expect(book.getByText('No trades yet.')).toBeVisible();

  // One step on, the buy took it: the ask is gone and the trade is there, at the resting price.
  await page.getByRole('link', { name: 'Next event →' }).click();
  await expect(page.getByTestId('past-event')).toContainText(`Event #${sellSeq + 1} (Order placed): order buy 8 @ 155, matched sell 7 @ 150`);
  await expect(book.getByTestId('best-ask')).toHaveText('–');
  await expect(book.getByTestId('trades').getByRole('row', { name: /user 8 user 7 150/ })).toBeVisible();
});
