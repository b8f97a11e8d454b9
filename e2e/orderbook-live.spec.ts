import { expect, test } from '@playwright/test';
import { startAppServer, type AppServer } from './support/app-server';

// On a server of its own: e2e/orderbook.spec.ts owns the shared server's book.
let server: AppServer;
test.beforeAll(async () => {
  server = await startAppServer();
});
test.afterAll(async () => server.stop());

test('the orderbook page shows new orders and trades without a reload', async ({ page, request }) => {
  await page.goto(`${server.url}/orderbook`);
  await expect(page.getByRole('heading', { name: 'Orderbook', level: 1 })).toBeVisible();
  await expect(page.getByTestId('best-bid')).toHaveText('–');
  const marker = await page.evaluate(() => ((window as unknown as { marker: number }).marker = Math.random()));

  expect(await (await request.post(`${server.url}/buy/7/100`)).text()).toBe('ok');
  await expect(page.getByTestId('best-bid')).toHaveText('100');
  expect(await (await request.get(`${server.url}/sell/3/98`)).text()).toBe('ok');
  await expect(page.getByTestId('best-bid')).toHaveText('–');
  await expect(page.getByTestId('trades')).toContainText('100');

  // Same document all along: updated in place, not reloaded.
  expect(await page.evaluate(() => (window as unknown as { marker: number }).marker)).toBe(marker);
});
