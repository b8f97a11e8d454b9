// Two Shelf instances on one PostgreSQL database, as behind a load balancer: what is not an event
// (the admin's sessions, the settings, the hooks' secret) is one document they share, not a file
// per instance. A login on one is a login on the other, a logout on either ends the session on
// both (a cookie kept after it is refused), settings saved on one show on the other's pages, and
// both give the same hook URLs. Needs TEST_DATABASE_URL; without a server it is skipped with the
// reason, except in CI where that fails.
import { expect, test, type Page } from '@playwright/test';
import { testServer, type TestServer } from '../lib/eventstore/postgres/testing/database';
import { submitPassword } from './support/admin';
import { startAppServer, type AppServer } from './support/app-server';

let db: TestServer;
let first: AppServer;
let second: AppServer;

test.beforeAll(async () => {
  db = await testServer();
  if (db.skip) return;
  const url = await db.createDatabase();
  // Generated secrets, as an install that sets neither: each instance has an EVENTS_DIR of its own.
  const env = { DATABASE_URL: url, SESSION_SECRET: '', HOOKS_SECRET: '' };
  [first, second] = await Promise.all([startAppServer(env), startAppServer(env)]);
});
test.afterAll(async () => {
  await first?.stop();
  await second?.stop();
  await db?.dropAll();
});
// Without a PostgreSQL server (outside CI only: testServer() throws in CI) each test is skipped, saying why.
test.beforeEach(() => test.skip(db.skip !== undefined, db.skip));

const COOKIE = 'shelf_session'; // SITE_URL is http here, so no __Host- prefix

async function logIn(page: Page, server: AppServer) {
  await page.goto(`${server.url}/admin/login`);
  await submitPassword(page, process.env.E2E_ADMIN_PASSWORD!);
  await expect(page.getByRole('heading', { name: 'Log something you finished' })).toBeVisible();
}

const adminHome = (page: Page) => page.getByRole('heading', { name: 'Log something you finished' });

test('a login on one instance holds on the other, and a logout on either ends it on both', async ({ page, context }) => {
  // Browsers send a host's cookies to each of its ports: the two instances see the one cookie, as
  // two instances behind one address would.
  await logIn(page, first);
  await page.goto(`${second.url}/admin`);
  await expect(adminHome(page)).toBeVisible();
  expect(new URL(page.url()).pathname).toBe('/admin');

  const kept = (await context.cookies()).find((c) => c.name === COOKIE)!;
  await page.getByRole('button', { name: 'Log out' }).click(); // on the second
  await expect(page).toHaveURL(`${second.url}/admin/login`);
  // The cookie, kept (copied before the logout), is refused by the first instance too.
  await context.addCookies([kept]);
  await page.goto(`${first.url}/admin`);
  await expect(page).toHaveURL(`${first.url}/admin/login?next=%2Fadmin`);

  // And the other way round.
  await logIn(page, second);
  const again = (await context.cookies()).find((c) => c.name === COOKIE)!;
  await page.goto(`${first.url}/admin`);
  await expect(adminHome(page)).toBeVisible();
  await page.getByRole('button', { name: 'Log out' }).click();
  await expect(page).toHaveURL(`${first.url}/admin/login`);
  await context.addCookies([again]);
  await page.goto(`${second.url}/admin`);
  await expect(page).toHaveURL(`${second.url}/admin/login?next=%2Fadmin`);
});

test("settings saved on one instance show on the other's About page; both give the same hook URLs", async ({ page }) => {
  // The second's About page is kept at the settings as they are now.
  await page.goto(`${second.url}/about`);
  await expect(page.getByRole('heading', { level: 1 })).not.toHaveText('Grace Hopper');

  await logIn(page, first);
  await page.goto(`${first.url}/admin/settings`);
  await page.getByLabel('Name', { exact: true }).fill('Grace Hopper');
  await page.getByLabel('Site title').fill("Grace's shelf");
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.locator('#settings-status')).toHaveText('Saved. Your pages and the widget show it now.');

  // The second hears of it by NOTIFY (milliseconds; its poll, every 2 s, behind it): generous on a busy machine.
  await expect
    .poll(
      async () => {
        await page.goto(`${second.url}/about`);
        return page.title();
      },
      { timeout: 10_000 },
    )
    .toBe("About Grace Hopper · Grace's shelf");
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Grace Hopper');

  // The hooks' secret was generated once, for both.
  const hookUrl = async (server: AppServer) => {
    await page.goto(`${server.url}/admin/settings`);
    return new URL(await page.getByLabel('Jellyfin URL').inputValue()).pathname;
  };
  const [one, other] = [await hookUrl(first), await hookUrl(second)];
  expect(one).toMatch(/^\/api\/hooks\/jellyfin\/[A-Za-z0-9_-]{16,}$/);
  expect(other).toBe(one);
});
