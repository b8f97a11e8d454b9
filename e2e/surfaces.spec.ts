// Every surface says the same thing: the entry page, the About page, the widget and the feeds show
// one rendering of a review (spoilers hidden or left out), dates that mean the day finished, and
// the smaller things a new owner noticed, checked as a person sees them (with axe-core, light and
// dark, desktop and phone). On a server of its own: it sets the site's title, bio and avatar.
import { readFileSync } from 'node:fs';
import { inflateSync } from 'node:zlib';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
// A real, strict XML parser: the feed must be well-formed XML a reader can read.
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { openAdmin } from './support/admin';
import { adminToken } from './support/api';
import { startAppServer, type AppServer } from './support/app-server';
import { blogPost, startHostPage } from './support/host-page';

/** The review the issue was found with: Markdown, a spoiler paragraph and an inline one. */
const REVIEW = 'A **quiet** masterpiece.\n\n>! Estraven dies at the border.\n\nAnd then ||with a homecoming|| it ends.';
const SECRETS = /Estraven|homecoming/;
const RAW_MARKDOWN = /\*\*|>!|\|\|/;
const NOWHERE = 'http://127.0.0.1:9'; // nothing listens there: images from it fail at once

let app: AppServer;
const ids: Record<string, string> = {};

async function log(entry: Record<string, unknown>): Promise<string> {
  const response = await fetch(`${app.url}/api/media`, {
    method: 'POST',
    headers: { authorization: `Bearer ${adminToken()}`, 'content-type': 'application/json' },
    body: JSON.stringify(entry),
  });
  if (response.status !== 201) throw new Error(`POST /api/media: ${response.status} ${await response.text()}`);
  return ((await response.json()) as { entry: { id: string } }).entry.id;
}

test.describe('every surface says the same thing', () => {
  test.describe.configure({ mode: 'serial' });

  test.beforeAll(async () => {
    app = await startAppServer({
      SHELF_OWNER_NAME: 'Ada Reader',
      SHELF_SITE_TITLE: "Ada's shelf",
      SHELF_OWNER_BIO: 'I write **software** and read.\n\n<img src="x" onerror="alert(1)"> Mostly [books](https://example.com).',
      SHELF_AVATAR_URL: `${NOWHERE}/avatar.png`,
      TZ: 'UTC',
    });
    ids.review = await log({ kind: 'book', title: 'The Left Hand of Darkness', creator: 'Ursula K. Le Guin', rating: 5, review: REVIEW, coverUrl: `${NOWHERE}/cover.jpg`, tags: ['sci-fi'] });
    ids.garcia = await log({ kind: 'book', title: 'Cien años de soledad', creator: 'Gabriel García Márquez', rating: 4.5 });
    ids.reading = await log({ kind: 'book', title: 'Middlemarch', status: 'in-progress', progress: 40 });
    ids.abandoned = await log({ kind: 'game', title: 'Death Stranding', status: 'abandoned' });
    ids.long = await log({ kind: 'article', title: `https://example.com/${'a-very-long-slug-'.repeat(12)}`, review: 'Short.' });
  });
  test.afterAll(async () => {
    await app?.stop();
  });

  /** A page's review: Markdown rendered, spoilers in closed boxes, nothing raw. */
  async function expectReviewRendered(page: Page, scope: string) {
    const review = page.locator(scope);
    await expect(review.locator('strong', { hasText: 'quiet' })).toBeVisible();
    await expect(review.locator('details.spoiler')).toHaveCount(1);
    await expect(review.getByText('Estraven dies at the border.')).toBeHidden();
    await expect(review.locator('span.spoiler')).toHaveText('with a homecoming');
    expect(await review.innerText()).not.toMatch(RAW_MARKDOWN);
    // The reader opens the box to read it.
    await review.locator('details.spoiler summary').click();
    await expect(review.getByText('Estraven dies at the border.')).toBeVisible();
  }

  test('the review is rendered, its spoilers hidden, on the entry page, the About page and the widget', async ({ page }) => {
    await page.goto(`${app.url}/entries/${ids.review}`);
    await expectReviewRendered(page, 'main');
    await page.goto(`${app.url}/about`);
    await expectReviewRendered(page, `[data-entry-id="${ids.review}"]`);
    await page.goto(`${app.url}/embed?reviews=1`);
    await expectReviewRendered(page, `[data-entry-id="${ids.review}"]`);
  });

  test('the feeds carry the review rendered, spoilers left out with a link to the entry page, and the bio as text', async ({ request }) => {
    const entryPage = `${app.url}/entries/${ids.review}`;
    const json = await (await request.get(`${app.url}/feed.json`)).json();
    expect(json.description).toBe('I write software and read. Mostly books.');
    const item = json.items.find((i: { url: string }) => i.url === entryPage);
    expect(item.content_html).toContain('<strong>quiet</strong>');
    expect(item.content_html).toContain(`<a href="${entryPage}"`);
    expect(item.summary).toBe('A quiet masterpiece. And then [spoiler] it ends.');
    for (const text of [item.content_html, item.content_text, item.summary]) expect(text).not.toMatch(SECRETS);

    const xml = await (await request.get(`${app.url}/feed.xml`)).text();
    expect(XMLValidator.validate(xml)).toBe(true);
    const atom = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', isArray: (name) => ['entry', 'link'].includes(name) }).parse(xml).feed;
    expect(atom.subtitle['#text']).toBe('I write software and read. Mostly books.');
    const entry = atom.entry.find((e: { link: { '@href': string }[] }) => e.link.some((l) => l['@href'] === entryPage));
    expect(entry.content['#text']).toContain('<strong>quiet</strong>');
    expect(entry.summary['#text']).toBe('A quiet masterpiece. And then [spoiler] it ends.');
    expect(entry.content['#text']).not.toMatch(SECRETS);
    expect(xml).not.toMatch(SECRETS);
  });

  test('imported history keeps the day it was finished in the feeds, below what was logged today, and is not news', async ({ request }) => {
    const before = await (await request.get(`${app.url}/feed.json`)).json();
    const csv = readFileSync(new URL('../lib/import/fixtures/goodreads_library_export.csv', import.meta.url));
    const imported = await request.post(`${app.url}/api/import?source=goodreads`, { headers: { authorization: `Bearer ${adminToken()}` }, data: csv });
    expect(imported.status()).toBe(200);
    expect((await imported.json()).summary.new).toBe(5); // 4 read, 1 currently reading (in progress: not in the feeds)

    const feed = await (await request.get(`${app.url}/feed.json`)).json();
    const got = feed.items.find((i: { title: string }) => i.title === 'Finished reading A Game of Thrones (A Song of Ice and Fire, #1)');
    expect(got.date_published).toBe('2021-03-14T00:00:00+00:00');
    expect(got.date_modified).toBe('2021-03-14T00:00:00+00:00');
    // Today's entries stay on top; the imported books follow by the day they were read.
    expect(feed.items.slice(0, before.items.length).map((i: { id: string }) => i.id)).toEqual(before.items.map((i: { id: string }) => i.id));
    const days = feed.items.map((i: { date_published: string }) => Date.parse(i.date_published));
    expect([...days].sort((a, b) => b - a)).toEqual(days);
    // The Atom feed as a whole did not change its date for the import.
    const atom = new XMLParser().parse(await (await request.get(`${app.url}/feed.xml`)).text()).feed;
    expect(Date.parse(atom.updated)).toBeLessThanOrEqual(Math.max(...before.items.map((i: { date_modified: string }) => Date.parse(i.date_modified))));
  });

  test('meta descriptions are plain text, and page titles end in the site title', async ({ page }) => {
    await page.goto(`${app.url}/about`);
    await expect(page.locator('meta[name="description"]')).toHaveAttribute('content', 'I write software and read. Mostly books.');
    await page.goto(`${app.url}/entries/${ids.review}`);
    await expect(page).toHaveTitle("The Left Hand of Darkness by Ursula K. Le Guin · Ada's shelf");
    await expect(page.locator('meta[name="description"]')).toHaveAttribute('content', 'A quiet masterpiece. And then [spoiler] it ends.');
    await page.goto(`${app.url}/year/2026`);
    await expect(page).toHaveTitle(/ · Ada's shelf$/);
    await openAdmin(page, `${app.url}/admin`);
    expect(await page.title()).not.toMatch(/· Shelf$/);
  });

  test('search folds accents and case both ways', async ({ page }) => {
    for (const q of ['garcia', 'GARCÍA', 'García', 'marquez', 'anos']) {
      await page.goto(`${app.url}/about?q=${encodeURIComponent(q)}`);
      await expect(page.getByTestId('feed').getByText('Cien años de soledad'), q).toBeVisible();
    }
    const api = await (await fetch(`${app.url}/api/media?q=garcia`)).json();
    expect(api.entries.map((e: { title: string }) => e.title)).toEqual(['Cien años de soledad']);
  });

  test('a path that does not decode is a 400 JSON or the 404 page, never a 500', async ({ request }) => {
    for (const path of ['/api/media/%ff', '/buy/%ff/1', '/sell/1/%ff', '/admin/export/log/%ff']) {
      const response = await request.get(`${app.url}${path}`);
      expect(response.status(), path).toBe(400);
      expect((await response.json()).error, path).toMatch(/not valid/);
    }
    for (const path of ['/entries/%ff', '/year/%ff', '/admin/entries/%ff', '/admin/history/as-of/%ff', '/entries/%E0%A4%A']) {
      const response = await request.get(`${app.url}${path}`);
      expect(response.status(), path).toBe(404);
      expect(response.headers()['content-type'], path).toMatch(/text\/html/);
    }
    expect((await request.post(`${app.url}/buy/%ff/1`)).status()).toBe(400);
  });

  test('a cover or avatar that cannot be loaded gives way to a placeholder, not a broken image', async ({ page }) => {
    await page.goto(`${app.url}/entries/${ids.review}`);
    await expect(page.getByTestId('cover-placeholder')).toBeVisible();
    await page.goto(`${app.url}/about`);
    await expect(page.getByTestId('avatar-placeholder')).toHaveText('A');
    await expect(page.locator('img[src$="avatar.png"]')).toHaveCount(0);
  });

  test('the admin list says what is known of an entry in progress, and History names an abandoned one so', async ({ page }) => {
    await openAdmin(page, `${app.url}/admin`);
    const row = page.locator(`[data-entry-id="${ids.reading}"]`);
    await expect(row).toContainText('40%');
    await expect(row).not.toContainText('not started');
    await page.goto(`${app.url}/admin/history`);
    const abandoned = page.getByTestId('history').locator('li', { hasText: 'Death Stranding' }).first();
    await expect(abandoned).toContainText('Logged as abandoned');
    await expect(abandoned).not.toContainText('Media started');
  });

  test('the app icon and theme colour are the site\'s rust accent', async ({ request }) => {
    const manifest = await (await request.get(`${app.url}/manifest.webmanifest`)).json();
    expect(manifest.theme_color).toBe('#b4542d');
    // The icon's corner pixel (the background) is the accent too.
    const png = await (await request.get(`${app.url}/icons/icon-192.png`)).body();
    expect(png.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
    const at = png.indexOf('IDAT');
    const pixels = inflateSync(png.subarray(at + 4, at + 4 + png.readUInt32BE(at - 4)));
    expect([...pixels.subarray(1, 4)]).toEqual([0xb4, 0x54, 0x2d]); // row 0's filter byte, then the first pixel
  });

  test('the quick log fits a 390 px phone (long titles wrap) and its kind chips have no stray pill', async ({ browser }) => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    const page = await context.newPage();
    await openAdmin(page, `${app.url}/admin/log`);
    await expect(page.getByText(/a-very-long-slug-/).first()).toBeVisible();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    // Only the chip itself has a border: the icon inside it has none.
    const borders = await page.locator('fieldset label span[aria-hidden="true"]').evaluateAll((icons) => icons.map((i) => getComputedStyle(i).borderTopWidth));
    expect(borders.length).toBeGreaterThan(0);
    expect(new Set(borders)).toEqual(new Set(['0px']));
    await context.close();
  });

  for (const width of [1280, 390]) {
    test(`the import preview's "Why" column stays readable at ${width} px`, async ({ browser }) => {
      const context = await browser.newContext({ viewport: { width, height: 900 } });
      const page = await context.newPage();
      await openAdmin(page, `${app.url}/admin/import`);
      await page.getByLabel('Source', { exact: true }).selectOption('goodreads');
      await page.locator('input[type="file"]').setInputFiles(new URL('../lib/import/fixtures/goodreads_library_export.csv', import.meta.url).pathname);
      await page.getByRole('button', { name: /preview/i }).click();
      const why = page.locator('table tbody tr td:last-child').filter({ hasText: /\w{4}/ }).first();
      await expect(why).toBeVisible();
      expect((await why.boundingBox())!.width).toBeGreaterThan(150);
      await context.close();
    });
  }

  test('the search box and the import source select follow the dark theme', async ({ browser }) => {
    const context = await browser.newContext({ colorScheme: 'dark' });
    const page = await context.newPage();
    const surface = 'rgb(31, 32, 38)'; // --surface in dark mode
    await page.goto(`${app.url}/about`);
    await expect(page.locator('#about-q')).toHaveCSS('background-color', surface);
    await openAdmin(page, `${app.url}/admin/import`);
    await expect(page.getByLabel('Source', { exact: true })).toHaveCSS('background-color', surface);
    await context.close();
  });

  test('embed.js leaves no errors in the host page\'s console', async ({ page }) => {
    const host = await startHostPage({ '/': blogPost(`<script src="${app.url}/embed.js" data-limit="3" async></script>`) });
    // Chromium reports a refused postMessage as a console warning ("Failed to execute 'postMessage'
    // on 'DOMWindow': The target origin provided ... does not match the recipient window's origin").
    // The host's missing favicon and the widget's unreachable test cover are not the loader's doing.
    const errors: string[] = [];
    page.on('console', (m) => (m.type() === 'error' || m.type() === 'warning') && /postMessage|embed\.js/.test(m.text()) && errors.push(m.text()));
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(host.origin);
    const frame = page.frameLocator('iframe');
    await expect(frame.getByTestId('embed-feed')).toBeVisible();
    await expect.poll(async () => (await page.locator('iframe').boundingBox())!.height).toBeGreaterThan(160);
    // The refused message went out when the loader ran, before the frame loaded: it is logged by now.
    expect(errors).toEqual([]);
    await host.close();
  });

  test('"Log out" offline says so, and logs out once back online', async ({ page, context }) => {
    await openAdmin(page, `${app.url}/admin`);
    await context.setOffline(true);
    await page.getByRole('button', { name: 'Log out' }).click();
    await expect(page.getByRole('alert').filter({ hasText: 'Offline' })).toContainText('log out once the connection is back');
    await expect(page.getByText('Something went wrong')).toHaveCount(0);
    await context.setOffline(false);
    await page.getByRole('button', { name: 'Log out' }).click();
    await page.waitForURL(/\/admin\/login/);
  });

  for (const colorScheme of ['light', 'dark'] as const) {
    test(`axe finds nothing serious or moderate on the public and admin pages (${colorScheme})`, async ({ browser }) => {
      const context = await browser.newContext({ colorScheme });
      const page = await context.newPage();
      const findings: string[] = [];
      const check = async (path: string) => {
        await page.goto(`${app.url}${path}`);
        await page.waitForLoadState('load');
        const { violations } = await new AxeBuilder({ page }).analyze();
        for (const v of violations) {
          if (v.impact === 'serious' || v.impact === 'critical' || v.impact === 'moderate') {
            findings.push(`${path}: ${v.impact} ${v.id} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
          }
        }
      };
      for (const path of ['/about', `/entries/${ids.review}`, '/embed', '/embed?reviews=1&now=1', `/year/2026`]) await check(path);
      await openAdmin(page, `${app.url}/admin`);
      for (const path of ['/admin', '/admin/log', '/admin/import', '/admin/history', '/admin/settings', '/admin/embed']) await check(path);
      expect(findings).toEqual([]);
      await context.close();
    });
  }
});
