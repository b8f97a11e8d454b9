// An owner's first week (#16): what a new owner tripped over, each checked in a real browser,
// on a server of its own (its settings must not leak into other specs), with no owner name set.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Frame, type Locator, type Page } from '@playwright/test';
import { loginAsOwner } from './support/admin';
import { logEntry } from './support/api';
import { startAppServer, type AppServer } from './support/app-server';
import { blogPost, startHostPage, type HostPage } from './support/host-page';

// Many pages per test, on a shared 2-core machine: more time than the default 30 s (no test measures speed).
test.describe.configure({ mode: 'serial', timeout: 120_000 });

let app: AppServer;
let blog: HostPage;
const blogPages: Record<string, string | { type: string; body: string }> = {};
const SCREENS = join('test-results', 'screens');

test.beforeAll(async ({ request }) => {
  blog = await startHostPage(blogPages);
  // No SHELF_OWNER_NAME: a fresh install that has not named its owner yet. TZ names the owner's zone.
  app = await startAppServer({ SHELF_OWNER_NAME: '', TZ: 'UTC', EMBED_ALLOWED_ORIGINS: '' });
  const cover = `<svg xmlns="http://www.w3.org/2000/svg" width="200" height="300"><rect width="200" height="300" fill="#4a7"/></svg>`;
  blogPages['/cover.svg'] = { type: 'image/svg+xml', body: cover };
  const log = (entry: Record<string, unknown>) => logEntry(request, entry, app.url);
  await log({ kind: 'book', title: 'Cien años de soledad', creator: 'García Márquez', rating: 4.5, coverUrl: `${blog.origin}/cover.svg`, finishedOn: '2026-01-10', review: 'Long.\n\nAnd wonderful.' });
  await log({ kind: 'movie', title: 'Perfect Days', creator: 'Wim Wenders', rating: 5, coverUrl: `${blog.origin}/missing.jpg`, finishedOn: '2026-02-10' });
  await log({ kind: 'game', title: 'Outer Wilds', creator: 'Mobius Digital', rating: 5, finishedOn: '2026-03-10' });
  await log({ kind: 'podcast', title: 'Hardcore History', creator: 'Dan Carlin', finishedOn: '2026-04-10', review: 'Six hours on one war, and not a minute too long.' });
  await log({ kind: 'book', title: '百年の孤独', creator: 'ガルシア＝マルケス', finishedOn: '2026-05-10' });
});

test.afterAll(async () => {
  await app?.stop();
  await blog?.close();
});

/** The iframe element's height and the widget's own content height inside it. */
async function heights(iframe: Locator) {
  const frame = (await (await iframe.elementHandle())!.contentFrame())!;
  const content = await frame.evaluate(() => Math.ceil(document.querySelector('[data-theme]')!.getBoundingClientRect().height));
  return { element: Math.round(await iframe.evaluate((el) => el.getBoundingClientRect().height)), content };
}

/** Every response of the app's own origin that came back 404, except `allowed` (the page asked to be a 404). */
function watch404s(page: Page, allowed: string[] = []) {
  const missing: string[] = [];
  page.on('response', (response) => {
    const url = new URL(response.url());
    if (url.origin === app.url && response.status() === 404 && !allowed.includes(url.pathname)) missing.push(url.pathname);
  });
  return missing;
}

test('1: the builder preview grows to the whole widget even when the page hydrates after the widget reported', async ({ page }) => {
  await loginAsOwner(page, app.url);
  // The admin page's own scripts arrive late (a slow connection): the widget in the frame loads,
  // hydrates and reports its height before the page around it listens.
  await page.route('**/_next/static/**/*.js', async (route) => {
    if (route.request().frame() === page.mainFrame()) await new Promise((r) => setTimeout(r, 1500));
    await route.continue();
  });
  await page.goto(`${app.url}/admin/embed`);
  const preview = page.getByTestId('embed-preview');
  await expect(page.frameLocator('[data-testid="embed-preview"]').getByRole('article')).toHaveCount(5);
  await expect.poll(async () => { const h = await heights(preview); return h.element === h.content && h.content > 400; }).toBe(true);
});

test('1: embed.js on a slow host page sizes the iframe to the whole widget', async ({ page }) => {
  blogPages['/slow'] = blogPost(`
    <script src="${app.url}/embed.js" data-limit="5" async></script>
    <script>/* a heavy host page: the main thread is busy for a while after the widget starts */
      var until = Date.now() + 1500; while (Date.now() < until) {}</script>`);
  // The loader itself also arrives late.
  await page.route('**/embed.js', async (route) => {
    await new Promise((r) => setTimeout(r, 1000));
    await route.continue();
  });
  await page.goto(`${blog.origin}/slow`);
  const iframe = page.locator('iframe');
  await expect(page.frameLocator('iframe').getByRole('article')).toHaveCount(5);
  await expect.poll(async () => { const h = await heights(iframe); return h.element === h.content && h.content > 400; }).toBe(true);
});

test('2: after "Log it" the whole form is fresh: kind, creator label and review counter', async ({ page }) => {
  await loginAsOwner(page, app.url);
  await page.getByLabel('Kind').selectOption('movie');
  await expect(page.locator('label[for="creator"]')).toHaveText('Director');
  await page.getByLabel('Title', { exact: true }).fill('Paterson');
  await page.getByLabel(/Short review/).fill('Quiet poems.');
  await expect(page.getByText('12 / 2000')).toBeVisible();
  await page.getByRole('button', { name: 'Log it' }).click();
  await expect(page.getByRole('status').first()).toHaveText('Logged “Paterson”.');
  await expect(page.getByLabel('Kind')).toHaveValue('book');
  await expect(page.locator('label[for="creator"]')).toHaveText('Author');
  await expect(page.getByText('0 / 2000')).toBeVisible();
  await expect(page.getByLabel(/Short review/)).toHaveValue('');
});

test('4: a dark widget in a plain iframe taller than its content is dark all the way down', async ({ page }) => {
  blogPages['/plain-dark'] = blogPost(`<iframe src="${app.url}/embed?theme=dark&limit=2" title="Widget" height="1200" style="width:100%;border:0"></iframe>`);
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto(`${blog.origin}/plain-dark`);
  const frame = page.frames().find((f) => f.url().startsWith(`${app.url}/embed`)) as Frame;
  await expect(frame.getByRole('article')).toHaveCount(2);
  // What shows below the content is the document's background: the widget's, not the light page's.
  expect(await frame.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(22, 23, 27)');
  const bottom = await frame.evaluate(() => document.elementFromPoint(10, window.innerHeight - 5)?.tagName);
  expect(bottom).toBe('HTML');
});

test('5: a cover that does not load shows the kind placeholder, in the list and in the grid', async ({ page }) => {
  for (const path of ['/about', '/embed?limit=10', '/embed?layout=grid&limit=10']) {
    await page.goto(`${app.url}${path}`);
    const tile = page.locator('[data-entry-id]').filter({ hasText: 'Perfect Days' });
    await expect(tile.getByTestId('cover-placeholder')).toHaveText('🎬');
    await expect(tile.locator('img')).toHaveCount(0);
    // the cover that does load stays an image
    await expect(page.locator('[data-entry-id]').filter({ hasText: 'Cien años' }).locator('img')).toHaveCount(1);
  }
  // and in the admin's list
  await loginAsOwner(page, app.url);
  const row = page.getByTestId('admin-entries').locator('[data-entry-id]').filter({ hasText: 'Perfect Days' });
  await expect(row.getByTestId('cover-placeholder')).toHaveText('🎬');
  await expect(row.locator('img')).toHaveCount(0);
  await expect(page.getByTestId('admin-entries').locator('[data-entry-id]').filter({ hasText: 'Cien años' }).locator('img')).toHaveCount(1);
});

test('9: unknown paths, a bad entry id and a history position past the end get the styled 404; no own asset 404s', async ({ page }) => {
  const missing = watch404s(page, ['/no/such/page', '/admin/entries/no-such-entry', '/admin/history/as-of/999']);
  const notFound = await page.goto(`${app.url}/no/such/page`);
  expect(notFound?.status()).toBe(404);
  await expect(page.getByRole('heading', { name: 'Nothing on this shelf here' })).toBeVisible();
  await expect(page.locator('link[rel="icon"]').first()).toHaveAttribute('href', /icon/);
  await loginAsOwner(page, app.url);
  for (const path of ['/admin/entries/no-such-entry', '/admin/history/as-of/999']) {
    const response = await page.goto(`${app.url}${path}`);
    expect(response?.status()).toBe(404);
    await expect(page.getByRole('heading', { name: 'Nothing on this shelf here' })).toBeVisible();
  }
  for (const path of ['/about', '/embed', '/embed?layout=grid&theme=dark', '/admin', '/admin/embed', '/admin/history', '/admin/settings']) {
    await page.goto(`${app.url}${path}`);
    await page.waitForLoadState('load'); // not networkidle: live pages hold an event stream open
  }
  // The icons are there for clients that ask for them by their usual names too.
  for (const icon of ['/favicon.ico', '/icon.svg', '/apple-icon.png']) expect((await page.request.get(`${app.url}${icon}`)).status()).toBe(200);
  expect(missing).toEqual([]);
});

test('10: history speaks words and names the zone', async ({ page }) => {
  await loginAsOwner(page, app.url);
  await page.goto(`${app.url}/admin/history`);
  const options = await page.getByLabel('Event type').locator('option').allTextContents();
  expect(options).toContain('Logged');
  expect(options).toContain('Announcement retry asked for');
  expect(options.join(' ')).not.toMatch(/MediaFinished|AnnouncementRetryRequested/);
  await expect(page.getByTestId('history').locator('time').first()).toHaveText(/^\w{3} \d{1,2} \d{4} \d{2}:\d{2} UTC$/);
  await expect(page.getByText('Times are in UTC')).toBeVisible();
});

test('11: the CSV export starts with a UTF-8 byte-order mark and keeps accents and CJK', async ({ page }) => {
  await loginAsOwner(page, app.url);
  const response = await page.request.get(`${app.url}/admin/export/entries.csv`);
  const bytes = await response.body();
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const text = bytes.subarray(3).toString('utf8');
  expect(text).toContain('García Márquez');
  expect(text).toContain('百年の孤独');
});

test('12: Remove asks first; the year summary and the all-time counts are told apart; no "About My shelf"', async ({ page }) => {
  await page.goto(`${app.url}/about`);
  await expect(page).toHaveTitle('Shelf');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Shelf');
  await expect(page.getByTestId('year-summary')).toHaveText(/^So far in \d{4}: /);
  await expect(page.getByRole('navigation', { name: 'Filter by kind' })).toContainText('All time:');

  await loginAsOwner(page, app.url);
  const remove = page.getByRole('button', { name: 'Remove Outer Wilds' });
  let asked = '';
  page.once('dialog', (dialog) => {
    asked = dialog.message();
    void dialog.dismiss();
  });
  await remove.click();
  await expect.poll(() => asked).toContain('Remove “Outer Wilds”?');
  await expect(remove).toBeVisible(); // said no: still there
  await page.reload();
  await expect(page.getByRole('button', { name: 'Remove Outer Wilds' })).toBeVisible();
  page.once('dialog', (dialog) => void dialog.accept());
  await page.getByRole('button', { name: 'Remove Outer Wilds' }).click();
  await expect(page.getByRole('button', { name: 'Restore Outer Wilds' })).toBeVisible();
});

test('settings: saved values show at once on cached pages; bad input is kept and named; Markdown is sanitised; links are rel=me', async ({ page }) => {
  // /about and /embed are in the render cache now.
  await page.goto(`${app.url}/about`);
  await page.goto(`${app.url}/embed`);
  await expect(page.locator('[data-theme]')).toHaveAttribute('data-theme', 'auto');

  await loginAsOwner(page, app.url);
  await page.goto(`${app.url}/admin/settings`);
  const settingsFile = join(app.eventsDir, 'settings.json');
  await page.getByLabel('Name', { exact: true }).fill('Ada Lovelace');
  await page.getByLabel('Avatar image').fill('javascript:alert(1)');
  await page.getByLabel(/Links/).fill('Mastodon https://social.example/@ada\nEvil javascript:alert(1)');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.locator('#settings-status')).toHaveText('Not saved. Please fix: Avatar, Links.');
  await expect(page.locator('#avatarUrl-error')).toHaveText('Avatar must be a full http:// or https:// address');
  await expect(page.locator('#links-error')).toHaveText('Line 2: A link must be a full http:// or https:// address');
  await expect(page.getByLabel('Name', { exact: true })).toHaveValue('Ada Lovelace'); // the input is kept
  expect(existsSync(settingsFile)).toBe(false); // and nothing saved

  await page.getByLabel('Avatar image').fill(`${blog.origin}/cover.svg`);
  await page.getByLabel(/Links/).fill('Mastodon https://social.example/@ada\nhttps://ada.example/');
  await page.getByLabel('Short bio').fill('I read **a lot**.\n\nSee [my blog](https://ada.example/) <script>window.pwned = 1</script> [bad](javascript:alert(1))');
  await page.getByLabel('Site title').fill("Ada's shelf");
  await page.getByLabel('Theme').selectOption('dark');
  await page.getByLabel('How many').fill('3');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.locator('#settings-status')).toHaveText('Saved. Your pages and the widget show it now.');
  expect(JSON.parse(readFileSync(settingsFile, 'utf8'))).toMatchObject({ revision: 1, settings: { ownerName: 'Ada Lovelace', widget: { theme: 'dark', limit: 3 } } });

  // The very next request shows it, no restart, though the pages were cached before the save.
  await page.goto(`${app.url}/about`);
  await expect(page).toHaveTitle("About Ada Lovelace · Ada's shelf");
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Ada Lovelace');
  const intro = page.getByTestId('owner-intro');
  await expect(intro.locator('strong')).toHaveText('a lot');
  await expect(intro.locator('p')).toHaveCount(2);
  await expect(intro.locator('script')).toHaveCount(0);
  await expect(intro.locator('a[href^="javascript"]')).toHaveCount(0);
  expect(await page.evaluate(() => (window as unknown as { pwned?: number }).pwned)).toBeUndefined();
  await expect(intro.getByRole('link', { name: 'Mastodon' })).toHaveAttribute('rel', /\bme\b/);
  await expect(intro.getByRole('link', { name: 'ada.example' })).toHaveAttribute('href', 'https://ada.example/');
  await expect(intro.locator('img')).toHaveAttribute('src', `${blog.origin}/cover.svg`);

  await page.goto(`${app.url}/embed`);
  await expect(page.locator('[data-theme]')).toHaveAttribute('data-theme', 'dark');
  await expect(page.getByRole('article')).toHaveCount(3);
  await expect(page.getByRole('link', { name: 'Ada Lovelace' })).toBeVisible();
  // a URL still overrides the owner's defaults
  await page.goto(`${app.url}/embed?theme=light`);
  await expect(page.locator('[data-theme]')).toHaveAttribute('data-theme', 'light');

  const feed = await (await page.request.get(`${app.url}/feed.json`)).json();
  expect(feed.title).toBe('Ada Lovelace: recently finished');

  // Admin only: a visitor without a session is sent to the login.
  const anonymous = await page.context().browser()!.newPage();
  await anonymous.goto(`${app.url}/admin/settings`);
  await expect(anonymous).toHaveURL(/\/admin\/login/);
  await anonymous.close();
});

test('screenshots at 1280 and 390 px (looked at by a person before calling it done)', async ({ page }) => {
  await loginAsOwner(page, app.url);
  const shots: [string, string][] = [
    ['about', '/about'],
    ['embed-list-light', '/embed?theme=light'],
    ['embed-list-dark', '/embed?theme=dark'],
    ['embed-grid-light', '/embed?layout=grid&theme=light&limit=8'],
    ['embed-grid-dark', '/embed?layout=grid&theme=dark&limit=8'],
    ['admin', '/admin'],
    ['admin-settings', '/admin/settings'],
    ['not-found', '/no/such/page'],
  ];
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 900 });
    for (const [name, path] of shots) {
      await page.goto(`${app.url}${path}`);
      await page.waitForLoadState('load'); // not networkidle: live pages hold an event stream open
      await page.screenshot({ path: join(SCREENS, `${name}-${width}.png`), fullPage: true });
      // Nothing wider than the screen (no sideways scrolling at 390 px).
      expect(await page.evaluate(() => document.scrollingElement!.scrollWidth <= window.innerWidth)).toBe(true);
    }
  }
});
