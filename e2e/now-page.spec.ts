import { expect, test } from '@playwright/test';
import { startAppServer, type AppServer } from './support/app-server';

// The owner's /now page (nownownow.com): their intro, then what is in progress, latest started
// first; linked from /about.
let server: AppServer;

test.beforeAll(async () => {
  server = await startAppServer({ SHELF_OWNER_NAME: 'Ada Reader', SHELF_OWNER_BIO: 'I read, watch and play things.' });
});
test.afterAll(async () => {
  await server?.stop();
});

async function log(entry: Record<string, unknown>) {
  const response = await fetch(`${server.url}/api/media`, {
    method: 'POST',
    headers: { authorization: `Bearer ${process.env.E2E_ADMIN_TOKEN}`, 'content-type': 'application/json' },
    body: JSON.stringify(entry),
  });
  expect(response.status).toBe(201);
}

test('/now shows the owner\'s intro and what is in progress, newest first, and /about links to it', async ({ page }) => {
  await page.goto(`${server.url}/now`);
  await expect(page.getByTestId('now-empty')).toContainText('Nothing in progress right now.');

  await log({ kind: 'book', title: 'Middlemarch', status: 'in-progress', startedOn: '2026-10-01', progress: 40 });
  await log({ kind: 'game', title: 'Outer Wilds', status: 'in-progress', startedOn: '2026-11-15' });
  await log({ kind: 'show', title: 'Private Show', status: 'in-progress', startedOn: '2026-11-16', visibility: 'private' });
  await log({ kind: 'movie', title: 'Finished Film', finishedOn: '2026-11-17' });

  await page.goto(`${server.url}/about`);
  await page.getByRole('link', { name: 'Now', exact: true }).click();
  await expect(page).toHaveURL(`${server.url}/now`);
  await expect(page.getByTestId('owner-intro')).toContainText('Ada Reader');
  await expect(page.getByTestId('owner-intro')).toContainText('I read, watch and play things.');
  await expect(page.getByTestId('now').getByRole('listitem')).toHaveText([/Outer Wilds/, /Middlemarch.*40%/]);
  await expect(page.getByText('Private Show')).toHaveCount(0);
  await expect(page.getByText('Finished Film')).toHaveCount(0);
});
