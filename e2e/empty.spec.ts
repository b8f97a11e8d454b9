import { expect, test } from '@playwright/test';
import { startAppServer, type AppServer } from './support/app-server';

let server: AppServer;
test.beforeAll(async () => {
  server = await startAppServer();
});
test.afterAll(async () => server.stop());

test('an empty shelf points the owner to the admin', async ({ page }) => {
  await page.goto(`${server.url}/about`);
  const empty = page.getByTestId('empty-feed');
  await expect(empty).toContainText('Nothing finished yet');
  await expect(empty.getByRole('link', { name: 'admin' })).toHaveAttribute('href', '/admin');
});
