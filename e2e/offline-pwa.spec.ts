import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { openAdmin } from './support/admin';
import { logEntry, uniqueTitle } from './support/api';

/** How many entries with this title the log holds (public ones, through the JSON API). */
async function countInLog(request: APIRequestContext, title: string) {
  // A fresh connection each time: a kept-alive one idle for the server's keep-alive timeout (while
  // a test logs in, say) can be closed just as the next request goes out (ECONNRESET).
  const { entries } = (await (await request.get('/api/media?limit=1000', { headers: { connection: 'close' } })).json()) as { entries: { title: string; finishedOn: string }[] };
  return entries.filter((entry) => entry.title === title);
}

async function openQuickLog(page: Page, path = '/admin/log') {
  await openAdmin(page, path);
  await expect(page.getByRole('heading', { name: 'Quick log' })).toBeVisible();
}

async function quickLog(page: Page, entry: { kind?: RegExp; title: string; rating?: string; review?: string }) {
  if (entry.kind) await page.getByRole('radio', { name: entry.kind }).check();
  await page.getByLabel('Title', { exact: true }).fill(entry.title);
  if (entry.rating) await page.getByLabel('Rating').selectOption(entry.rating);
  if (entry.review) await page.getByLabel('A line of review').fill(entry.review);
  await page.getByRole('button', { name: 'Log it' }).click();
}

const queueItem = (page: Page, title: string) => page.getByTestId('queue').getByRole('listitem').filter({ hasText: title });
const today = () => new Intl.DateTimeFormat('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());

test('the manifest passes Chromium’s installability checks and opens the quick log', async ({ playwright, baseURL }, testInfo) => {
  // Chromium never offers to install from an incognito profile, which is what a test context is:
  // this test runs in a persistent profile of its own.
  const profile = mkdtempSync(join(tmpdir(), 'shelf-pwa-profile-'));
  const context = await playwright.chromium.launchPersistentContext(profile, { ...testInfo.project.use.launchOptions, baseURL });
  const page = context.pages()[0] ?? (await context.newPage());
  await openQuickLog(page);
  await page.evaluate(async () => void (await navigator.serviceWorker.ready));
  const cdp = await page.context().newCDPSession(page);
  const manifest = await cdp.send('Page.getAppManifest');
  expect(manifest.url).toMatch(/\/manifest\.webmanifest$/);
  expect(manifest.errors).toEqual([]);
  const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
  expect(installabilityErrors).toEqual([]);

  const body = JSON.parse(manifest.data!);
  expect(body).toMatchObject({
    name: 'Shelf',
    start_url: '/admin/log',
    display: 'standalone',
    share_target: { action: '/admin/log', method: 'GET', enctype: 'application/x-www-form-urlencoded', params: { title: 'title', text: 'text', url: 'url' } },
  });
  for (const size of [192, 512]) {
    const icon = await page.request.get(`/icons/icon-${size}.png`);
    expect(icon.headers()['content-type']).toBe('image/png');
    const png = await icon.body();
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([size, size]); // IHDR width, height
  }
  await context.close();
  rmSync(profile, { recursive: true, force: true });
});

test('entries logged offline wait on the device, survive an offline reload, and are logged once when back online', async ({ page, context, request }) => {
  await openQuickLog(page);
  await page.evaluate(async () => void (await navigator.serviceWorker.ready));
  const book = uniqueTitle('Offline Book');
  const film = uniqueTitle('Offline Film');

  await context.setOffline(true);
  await expect(page.getByTestId('connection')).toContainText('Offline');
  await quickLog(page, { title: book, rating: '4.5' });
  await expect(page.getByTestId('quick-message')).toContainText('sent when you are back online');
  await quickLog(page, { kind: /Movie/, title: film, review: 'Watched on the plane' });
  await expect(queueItem(page, book)).toContainText('waiting to be sent');
  await expect(queueItem(page, film)).toContainText('waiting to be sent');

  // Reloaded with no connection: the page comes from the service worker, the queue from IndexedDB.
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Quick log' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Waiting to be sent (2)' })).toBeVisible();
  await expect(queueItem(page, book)).toBeVisible();
  await expect(queueItem(page, film)).toBeVisible();
  expect(await countInLog(request, book)).toEqual([]);

  await context.setOffline(false);
  await expect(page.getByTestId('queue')).toHaveCount(0, { timeout: 10_000 });
  const [loggedBook] = await countInLog(request, book);
  expect(await countInLog(request, book)).toHaveLength(1);
  expect(await countInLog(request, film)).toHaveLength(1);
  expect(loggedBook!.finishedOn).toBe(today());

  await page.goto('/about');
  await expect(page.getByRole('heading', { name: book })).toHaveCount(1);
  await expect(page.getByRole('heading', { name: film })).toHaveCount(1);
});

test('a queued entry can be edited and removed while it waits', async ({ page, context, request }) => {
  await openQuickLog(page);
  await page.evaluate(async () => void (await navigator.serviceWorker.ready));
  const kept = uniqueTitle('Typo Boook');
  const dropped = uniqueTitle('Never mind');
  await context.setOffline(true);
  await quickLog(page, { title: kept });
  await quickLog(page, { title: dropped });
  await page.getByRole('button', { name: `Remove “${dropped}”` }).click();
  await expect(queueItem(page, dropped)).toHaveCount(0);
  await page.getByRole('button', { name: `Edit “${kept}”` }).click();
  const fixed = kept.replace('Boook', 'Book');
  await page.getByLabel('Title', { exact: true }).fill(fixed);
  await page.getByRole('button', { name: 'Save and send' }).click();
  await expect(queueItem(page, fixed)).toBeVisible();
  await context.setOffline(false);
  await expect(page.getByTestId('queue')).toHaveCount(0, { timeout: 10_000 });
  expect(await countInLog(request, fixed)).toHaveLength(1);
  expect(await countInLog(request, kept)).toHaveLength(0);
  expect(await countInLog(request, dropped)).toHaveLength(0);
});

test('an entry the server refuses stays with the reason until it is fixed and sent again', async ({ page }) => {
  await openQuickLog(page);
  const title = uniqueTitle('Bad link');
  await page.getByLabel('Title', { exact: true }).fill(title);
  // A link the browser lets through but the server's schema does not (only http and https).
  await page.getByLabel('Link', { exact: true }).fill('ftp://files.example/book');
  await page.getByRole('button', { name: 'Log it' }).click();
  await expect(queueItem(page, title)).toContainText('not logged');
  await expect(page.getByTestId('quick-message')).toContainText('the server refused it');
  await expect(queueItem(page, title)).toContainText('Link must be a full http:// or https:// address');
  await page.getByRole('button', { name: `Edit “${title}”` }).click();
  await page.getByLabel('Link', { exact: true }).fill('https://books.example/good');
  await page.getByRole('button', { name: 'Save and send' }).click();
  await expect(page.getByTestId('queue')).toHaveCount(0);
  const entries = await countInLog(page.request, title);
  expect(entries).toHaveLength(1);
});

test('with an expired session the queue keeps its entries, asks for a login, and sends them after it', async ({ page, context, request }) => {
  await openQuickLog(page);
  const session = (await context.cookies()).find((cookie) => cookie.name.endsWith('shelf_session'))!;
  // The session ends while the page is open (expired or logged out elsewhere): the cookie no longer verifies.
  await context.addCookies([{ ...session, value: 'expired' }]);
  const title = uniqueTitle('After Login');
  await quickLog(page, { title });
  await expect(page.getByRole('alert').filter({ hasText: 'Your session has expired' })).toBeVisible();
  await expect(queueItem(page, title)).toContainText('waiting for you to log in');
  await expect(page.getByTestId('quick-message')).toContainText('Not sent: your session has expired');
  expect(await countInLog(request, title)).toEqual([]);

  await page.getByRole('link', { name: 'Log in to send them' }).click();
  await expect(page).toHaveURL(/\/admin\/login\?next=%2Fadmin%2Flog$/);
  await page.getByLabel('Password').fill(process.env.E2E_ADMIN_PASSWORD!);
  await page.getByLabel('Password').press('Enter');
  await page.waitForURL((url) => url.pathname === '/admin/log');
  // (The queue is read from IndexedDB after the page renders: wait for the send, not for an empty list.)
  await expect(page.getByTestId('quick-message')).toContainText(`Logged “${title}”`, { timeout: 10_000 });
  await expect(page.getByTestId('queue')).toHaveCount(0);
  expect(await countInLog(request, title)).toHaveLength(1);
});

test('logging out sends what waits first, keeps what cannot be sent, and leaves no copy of the quick log page on the device', async ({ page, context, request }) => {
  await openQuickLog(page);
  await page.evaluate(async () => void (await navigator.serviceWorker.ready));
  const cachedQuickLog = (p: Page) => p.evaluate(async () => Boolean(await caches.match('/admin/log', { ignoreVary: true })));
  await expect.poll(() => cachedQuickLog(page)).toBe(true);
  // One the server refuses (it stays, with the reason, until it is fixed)...
  const refused = uniqueTitle('Refused Link');
  await page.getByLabel('Title', { exact: true }).fill(refused);
  await page.getByLabel('Link', { exact: true }).fill('ftp://files.example/book');
  await page.getByRole('button', { name: 'Log it' }).click();
  await expect(queueItem(page, refused)).toContainText('not logged');
  // ...and one typed offline, still waiting when the quick log closes.
  const admin = await context.newPage();
  await admin.goto('/admin');
  await context.setOffline(true);
  const waiting = uniqueTitle('Waiting at Logout');
  await quickLog(page, { title: waiting });
  await expect(queueItem(page, waiting)).toContainText('waiting to be sent');
  await page.close();
  await context.setOffline(false);

  const [logout] = await Promise.all([
    admin.waitForResponse((r) => new URL(r.url()).pathname === '/admin/logout' && r.request().method() === 'POST'),
    admin.getByRole('button', { name: 'Log out' }).click(),
  ]);
  expect(logout.status()).toBe(303);
  expect((await logout.allHeaders())['clear-site-data']).toBe('"cache"');
  await expect(admin).toHaveURL(/\/admin\/login$/);
  expect(await countInLog(request, waiting)).toHaveLength(1); // sent before the session ended
  expect(await cachedQuickLog(admin)).toBe(false);
  await context.setOffline(true);
  await admin.goto('/admin/log');
  await expect(admin.getByText('You are offline, and Shelf has not been opened here online yet')).toBeVisible();
  await context.setOffline(false);

  // Nothing queued was lost: the refused entry is still there after the next login.
  await openQuickLog(admin);
  await expect(queueItem(admin, refused)).toContainText('Link must be a full http:// or https:// address');
  await admin.getByRole('button', { name: `Remove “${refused}”` }).click();
  await expect(queueItem(admin, refused)).toHaveCount(0);
});

test('sharing a link to Shelf opens the quick log with the link and title filled in', async ({ page }) => {
  await openQuickLog(page, '/admin/log?title=Perfect%20Days&url=https%3A%2F%2Ffilms.example%2Fperfect-days');
  await expect(page.getByLabel('Title', { exact: true })).toHaveValue('Perfect Days');
  await expect(page.getByLabel('Link', { exact: true })).toHaveValue('https://films.example/perfect-days');

  // Many Android apps put the link inside the text.
  await page.goto('/admin/log?text=' + encodeURIComponent('Arrival https://films.example/arrival'));
  await expect(page.getByLabel('Title', { exact: true })).toHaveValue('Arrival');
  await expect(page.getByLabel('Link', { exact: true })).toHaveValue('https://films.example/arrival');
});

test('POST /api/media takes the owner’s session from this site only, never from another one', async ({ page, baseURL }) => {
  await openQuickLog(page);
  const title = uniqueTitle('Cookie write');
  const post = (origin: string, headers: Record<string, string> = {}) =>
    page.request.post('/api/media', { headers: { origin, ...headers }, data: { kind: 'book', title } });

  const crossSite = await post('https://evil.example');
  expect(crossSite.status()).toBe(403);
  expect((await crossSite.json()).error).toMatch(/Cross-site request refused/);
  const formPost = await page.request.post('/api/media', { headers: { origin: baseURL! }, form: { kind: 'book', title } });
  expect(formPost.status()).toBe(403);
  expect(await countInLog(page.request, title)).toEqual([]);

  const sameSite = await post(baseURL!, { 'idempotency-key': `cookie-${title}` });
  expect(sameSite.status()).toBe(201);
  expect((await post(baseURL!, { 'idempotency-key': `cookie-${title}` })).status()).toBe(201);
  expect(await countInLog(page.request, title)).toHaveLength(1);

  await page.context().clearCookies();
  const loggedOut = await post(baseURL!);
  expect(loggedOut.status()).toBe(401);
  expect((await loggedOut.json()).error).toMatch(/log in/);
});

test('the admin entries list shows an entry logged elsewhere without a reload', async ({ page, request }) => {
  await openAdmin(page, '/admin');
  await page.evaluate(() => ((window as { notReloaded?: boolean }).notReloaded = true));
  const title = uniqueTitle('From the phone');
  await logEntry(request, { kind: 'podcast', title });
  await expect(page.getByTestId('admin-entries').getByText(title)).toBeVisible();
  expect(await page.evaluate(() => (window as { notReloaded?: boolean }).notReloaded)).toBe(true);
});

test.describe('title lookup', () => {
  // A stand-in for GET /api/lookup (its documented answer), routed in the page: no service worker.
  test.use({ serviceWorkers: 'block' });

  test('online, the title offers the lookup’s candidates, and picking one fills the link', async ({ page, request }) => {
    const title = uniqueTitle('Looked Up');
    const asked: string[] = [];
    await page.route('**/api/lookup?*', async (route) => {
      asked.push(new URL(route.request().url()).search);
      await route.fulfill({
        json: { results: [{ title, creator: 'Ann Author', year: 2019, coverUrl: 'https://covers.example/1.jpg', url: 'https://books.example/looked-up', source: 'openlibrary' }] },
      });
    });
    await openQuickLog(page);
    await page.getByLabel('Title', { exact: true }).fill('Looked');
    await page.getByRole('list', { name: 'Matches' }).getByRole('button', { name: new RegExp(title) }).click();
    await expect(page.getByLabel('Title', { exact: true })).toHaveValue(title);
    await expect(page.getByLabel('Link', { exact: true })).toHaveValue('https://books.example/looked-up');
    expect(asked).toContain('?kind=book&q=Looked');
    await page.getByRole('button', { name: 'Log it' }).click();
    await expect(page.getByTestId('quick-message')).toContainText(`Logged “${title}”`);
    const [entry] = (await (await request.get('/api/media?limit=1000', { headers: { connection: 'close' } })).json()).entries.filter(
      (e: { title: string }) => e.title === title,
    );
    expect(entry).toMatchObject({ creator: 'Ann Author', url: 'https://books.example/looked-up', coverUrl: 'https://covers.example/1.jpg' });
  });
});

test.describe('with the answer lost on the way back', () => {
  // Request interception does not see requests of a page a service worker controls; this test is
  // about the queue's retry, not the offline page.
  test.use({ serviceWorkers: 'block' });

  test('an entry the server logged but whose answer never arrived is retried with its key and logged once', async ({ page, request }) => {
    await openQuickLog(page);
    let dropped = 0;
    await page.route('**/api/media', async (route) => {
      if (route.request().method() !== 'POST' || dropped > 0) return route.fallback();
      dropped += 1;
      const response = await route.fetch(); // the server logs it...
      expect(response.status()).toBe(201);
      await route.abort('connectionreset'); // ...and the browser never hears back
    });
    const title = uniqueTitle('Lost Answer');
    await quickLog(page, { title });
    await expect(page.getByTestId('quick-message')).toContainText(`Logged “${title}”`, { timeout: 15_000 });
    await expect(page.getByTestId('queue')).toHaveCount(0);
    expect(dropped).toBe(1);
    expect(await countInLog(request, title)).toHaveLength(1);
  });
});
