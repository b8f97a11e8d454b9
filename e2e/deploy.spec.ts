// Shelf as an owner deploys it (docs/deploy.md): behind a real nginx with TLS, on a host name,
// TRUST_PROXY set, SITE_URL and ADMIN_PASSWORD not. What the owner does there works, and every
// absolute link names https://<host>.
import { chromium, expect, test, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { generatedPassword, submitPassword } from './support/admin';
import { uniqueTitle } from './support/api';
import { startAppServer, type AppServer } from './support/app-server';
import { startNginx, type Nginx } from './support/nginx';

const HOST = 'shelf.test';
const SITE = `https://${HOST}`;

test.describe('behind nginx with TLS on a host name', () => {
  test.describe.configure({ mode: 'serial' });
  let app: AppServer;
  let nginx: Nginx;
  let browser: Browser;
  let context: BrowserContext;

  test.beforeAll(async ({}, testInfo) => {
    app = await startAppServer({ TRUST_PROXY: 'loopback', SITE_URL: '', ADMIN_PASSWORD: '', HOST: '127.0.0.1' });
    nginx = await startNginx({ host: HOST, upstream: Number(new URL(app.url).port) });
    const launch = testInfo.project.use.launchOptions ?? {};
    browser = await chromium.launch({
      ...launch,
      args: [
        ...(launch.args ?? []),
        // shelf.test:443 is this nginx; its self-signed certificate is trusted by its key.
        `--host-resolver-rules=MAP ${HOST}:443 127.0.0.1:${nginx.port}`,
        `--ignore-certificate-errors-spki-list=${nginx.spki}`,
      ],
    });
    context = await browser.newContext({ baseURL: SITE });
  });

  test.afterAll(async () => {
    await context?.close();
    await browser?.close();
    await nginx?.stop();
    await app?.stop();
  });

  const quickLog = async (page: Page, title: string) => {
    await page.getByLabel('Title', { exact: true }).fill(title);
    await page.getByRole('button', { name: 'Log it' }).click();
  };
  const queueItem = (page: Page, title: string) => page.getByTestId('queue').getByRole('listitem').filter({ hasText: title });

  test('the owner logs in, logs online and offline, and finds https links in the feed and the embed snippet, and stays logged in across a restart', async () => {
    test.setTimeout(240_000);
    const password = generatedPassword(app.output());
    expect(password, app.output()).toBeTruthy();
    const page = await context.newPage();

    await page.goto('/admin/login');
    await submitPassword(page, password!);
    await expect(page).toHaveURL(`${SITE}/admin`);
    // SITE_URL is unset and the site is reached at a domain: the admin says to set it.
    await expect(page.getByTestId('site-url-notice')).toContainText(`Set SITE_URL=${SITE}`);

    // The quick log, online: its send passes the cross-site check (Origin https://shelf.test).
    await page.goto('/admin/log');
    await expect(page.getByRole('heading', { name: 'Quick log' })).toBeVisible();
    await page.evaluate(async () => void (await navigator.serviceWorker.ready));
    const online = uniqueTitle('Read on the Train');
    await quickLog(page, online);
    await expect(page.getByTestId('quick-message')).toContainText(`Logged “${online}”`);

    // Offline: queued, the page reloads from the service worker, sent when the connection is back.
    await expect.poll(() => page.evaluate(async () => Boolean(await caches.match('/admin/log', { ignoreVary: true })))).toBe(true);
    await context.setOffline(true);
    const offline = uniqueTitle('Watched on the Plane');
    await quickLog(page, offline);
    await expect(queueItem(page, offline)).toContainText('waiting to be sent');
    await page.reload();
    await expect(queueItem(page, offline)).toBeVisible();
    await context.setOffline(false);
    await expect(page.getByTestId('queue')).toHaveCount(0, { timeout: 15_000 });

    // The feed names the site as its readers reach it.
    const feed = await page.evaluate(async () => (await fetch('/feed.json')).json());
    expect(feed.home_page_url).toBe(`${SITE}/about`);
    expect(feed.feed_url).toBe(`${SITE}/feed.json`);
    for (const title of [online, offline]) {
      const item = (feed.items as { title: string; url: string; id: string }[]).find((i) => i.title.endsWith(title));
      expect(item, title).toBeDefined();
      expect(item!.url).toMatch(new RegExp(`^${SITE}/entries/`));
      expect(item!.id).toMatch(new RegExp(`^${SITE}/about#entry-`));
    }

    // So do the embed builder's snippets and the pages' canonical links.
    await page.goto('/admin/embed');
    await expect(page.getByLabel('Script tag (recommended: sizes itself to its content)')).toHaveValue(new RegExp(`src="${SITE}/embed\\.js"`));
    await expect(page.getByLabel(/Plain iframe/)).toHaveValue(new RegExp(`src="${SITE}/embed`));
    await page.goto('/about');
    await expect(page.locator('link[rel="canonical"]')).toHaveAttribute('href', `${SITE}/about`);

    // Live updates pass through nginx unbuffered: the About page shows an entry logged elsewhere.
    const phone = await context.newPage();
    await phone.goto('/admin/log');
    const live = uniqueTitle('Logged While Watching');
    await quickLog(phone, live);
    await expect(phone.getByTestId('quick-message')).toContainText(`Logged “${live}”`);
    await expect(page.getByRole('heading', { name: live })).toBeVisible({ timeout: 15_000 });
    await phone.close();
    expect(nginx.errors()).not.toMatch(/\[(error|crit|alert|emerg)\]/);

    // A restart, as after an update: no new password, and the session goes on.
    await app.restart();
    expect(app.output().split(password!)).toHaveLength(2);
    await page.goto('/admin');
    await expect(page).toHaveURL(`${SITE}/admin`);
    await expect(page.getByRole('heading', { name: 'Entries' })).toBeVisible();
  });
});
