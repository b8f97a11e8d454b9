import { expect, test, type Frame, type Locator, type Page } from '@playwright/test';
import { logEntry } from './support/api';
import { startAppServer, type AppServer } from './support/app-server';
import { blogPost, startHostPage, type HostPage } from './support/host-page';
import { loginAsOwner } from './support/admin';

// The widget tests run on their own server and log, so that they know exactly what the feed holds.
test.describe('the widget on another site', () => {
  test.describe.configure({ mode: 'serial' });

  let app: AppServer;
  let blog: HostPage;
  let elsewhere: HostPage;
  const blogPages: Record<string, string | { type: string; body: string }> = {};
  const elsewherePages: Record<string, string> = {};

  test.beforeAll(async ({ request }) => {
    blog = await startHostPage(blogPages);
    elsewhere = await startHostPage(elsewherePages);
    // Set at start, not at build: the allowed origins are read per request.
    app = await startAppServer({ EMBED_ALLOWED_ORIGINS: blog.origin });
    const cover = `<svg xmlns="http://www.w3.org/2000/svg" width="200" height="300"><rect width="200" height="300" fill="#4a7"/></svg>`;
    blogPages['/cover.svg'] = { type: 'image/svg+xml', body: cover };
    blogPages['/post'] = blogPost(`
      <script src="${app.url}/embed.js" data-kind="book" data-limit="3" data-theme="dark" async></script>
      <p id="between">Between the widgets.</p>
      <script src="${app.url}/embed.js" data-limit="10" data-covers="0" data-reviews="1" data-title="Everything" async></script>`);
    blogPages['/plain'] = blogPost(`<script src="${app.url}/embed.js" async></script>`);
    elsewherePages['/post'] = blogPost(`<script src="${app.url}/embed.js" async></script>`);

    const log = (entry: Record<string, unknown>) => logEntry(request, entry, app.url);
    await log({ kind: 'book', title: 'Book One', creator: 'First Author', rating: 3, finishedOn: '2026-01-10', url: 'https://example.com/one' });
    await log({ kind: 'book', title: 'Book Two', review: 'A slow start, then it would not let go.', finishedOn: '2026-02-10' });
    await log({ kind: 'book', title: 'Book Three', coverUrl: `${blog.origin}/cover.svg`, finishedOn: '2026-03-10' });
    await log({ kind: 'book', title: 'Book Four', rating: 4.5, finishedOn: '2026-04-10' });
    await log({ kind: 'game', title: 'Game One', rating: 5, finishedOn: '2026-05-10' });
    await log({ kind: 'book', title: 'Secret Book', visibility: 'private', finishedOn: '2026-06-10' });
  });

  test.afterAll(async () => {
    await app?.stop();
    await blog?.close();
    await elsewhere?.close();
  });

  const titles = (frame: Frame | Locator) => frame.locator('[data-testid="embed-feed"] h3').allTextContents();

  /** The iframe's document, the widget's own height, and the iframe element's height. */
  async function measure(iframe: Locator) {
    const frame = (await (await iframe.elementHandle())!.contentFrame())!;
    const inner = await frame.evaluate(() => {
      const doc = document.scrollingElement!;
      const root = document.querySelector('[data-theme]')!;
      return {
        scrollHeight: doc.scrollHeight,
        clientHeight: doc.clientHeight,
        scrollWidth: doc.scrollWidth,
        clientWidth: doc.clientWidth,
        content: Math.ceil(root.getBoundingClientRect().height),
      };
    });
    return { ...inner, element: await iframe.evaluate((el) => el.getBoundingClientRect().height) };
  }

  /** Waits until the iframe is exactly as tall as its content and has nothing to scroll. */
  async function expectFitted(iframe: Locator) {
    await expect
      .poll(async () => {
        const m = await measure(iframe);
        return m.element === m.content && m.scrollHeight <= m.clientHeight && m.scrollWidth <= m.clientWidth;
      })
      .toBe(true);
    return measure(iframe);
  }

  async function openPost(page: Page) {
    await page.goto(`${blog.origin}/post`);
    const books = page.locator('iframe').first();
    const everything = page.locator('iframe[title="Everything"]');
    const booksFrame = (await (await books.elementHandle())!.contentFrame())!;
    const everythingFrame = (await (await everything.elementHandle())!.contentFrame())!;
    await expect(booksFrame.getByTestId('embed-feed')).toBeVisible();
    await expect(everythingFrame.getByTestId('embed-feed')).toBeVisible();
    return { books, everything, booksFrame, everythingFrame };
  }

  test('a blog embeds the widget with one script tag: the iframe follows the tag, shows what its options ask for and never scrolls', async ({ page }) => {
    const { books, everything, booksFrame, everythingFrame } = await openPost(page);

    // Inserted right after each script tag, pointing at the app with the tag's options.
    expect(await page.evaluate(() => [...document.scripts].map((s) => s.nextElementSibling?.tagName))).toEqual(['IFRAME', 'IFRAME']);
    const src = new URL((await books.getAttribute('src'))!);
    expect(src.origin).toBe(app.url);
    expect(src.pathname).toBe('/embed');
    expect(Object.fromEntries(src.searchParams)).toEqual({ kind: 'book', limit: '3', theme: 'dark' });

    // The three newest books, dark; everything public (no private entry), with reviews and no covers.
    expect(await titles(booksFrame)).toEqual(['Book Four', 'Book Three', 'Book Two']);
    await expect(booksFrame.locator('[data-theme]')).toHaveAttribute('data-theme', 'dark');
    await expect(booksFrame.locator('[data-theme]')).toHaveCSS('background-color', 'rgb(22, 23, 27)');
    await expect(booksFrame.getByRole('img', { name: 'Cover of Book Three' })).toBeVisible();
    expect(await titles(everythingFrame)).toEqual(['Game One', 'Book Four', 'Book Three', 'Book Two', 'Book One']);
    await expect(everythingFrame.getByText('A slow start, then it would not let go.')).toBeVisible();
    await expect(everythingFrame.locator('article img')).toHaveCount(0);
    await expect(booksFrame.getByText('Secret Book')).toHaveCount(0);

    // Links leave the iframe for a new tab.
    for (const frame of [booksFrame, everythingFrame]) {
      const targets = await frame.locator('a[href]').evaluateAll((links) => links.map((a) => a.getAttribute('target')));
      expect(targets.length).toBeGreaterThan(0);
      expect(new Set(targets)).toEqual(new Set(['_blank']));
    }

    // Each iframe is exactly as tall as its own content (so the source check keeps their messages apart).
    const a = await expectFitted(books);
    const b = await expectFitted(everything);
    expect(a.content).not.toBe(b.content);
  });

  test('a newly logged entry shows up in the open widget without a reload, and the iframe grows to fit it', async ({ page, request }) => {
    const { books, everything, booksFrame, everythingFrame } = await openPost(page);
    const before = await expectFitted(everything);
    await page.evaluate(() => ((window as { notReloaded?: boolean }).notReloaded = true));

    await logEntry(request, { kind: 'movie', title: 'Fresh Movie', creator: 'Someone', review: 'Saw it twice.' }, app.url);
    await expect(everythingFrame.getByRole('heading', { name: 'Fresh Movie' })).toBeVisible();
    expect((await titles(everythingFrame))[0]).toBe('Fresh Movie');
    const after = await expectFitted(everything);
    expect(after.element).toBeGreaterThan(before.element);
    expect(await titles(booksFrame)).toEqual(['Book Four', 'Book Three', 'Book Two']); // not a book

    await logEntry(request, { kind: 'book', title: 'Book Five' }, app.url);
    await expect.poll(() => titles(booksFrame)).toEqual(['Book Five', 'Book Four', 'Book Three']);
    await expectFitted(books);
    expect(await page.evaluate(() => (window as { notReloaded?: boolean }).notReloaded)).toBe(true);
  });

  test('the host page cannot resize the iframe with messages of its own', async ({ page }) => {
    const { books } = await openPost(page);
    const fitted = await expectFitted(books);
    await page.evaluate(
      () =>
        new Promise<void>((resolve) => {
          // Listeners run in order: by the time this one sees the message, embed.js has had it.
          window.addEventListener('message', () => resolve(), { once: true });
          window.postMessage({ type: 'shelf:embed-height', height: 3 }, '*');
        }),
    );
    expect((await measure(books)).element).toBe(fitted.element);
  });

  test('/embed may be framed by the configured origins and the site itself only', async ({ page, request }) => {
    const response = await request.get(`${app.url}/embed`);
    expect(response.headers()['content-security-policy']).toBe(`frame-ancestors 'self' ${blog.origin}`);
    expect(response.headers()['x-frame-options']).toBeUndefined();

    await page.goto(`${blog.origin}/plain`);
    await expect(page.frameLocator('iframe').getByTestId('embed-feed')).toBeVisible();

    const refused = page.waitForEvent('console', (m) => /frame-ancestors/.test(m.text()));
    await page.goto(`${elsewhere.origin}/post`);
    const message = (await refused).text(); // Chromium: "Framing '<url>' violates ... frame-ancestors ...: blocked"
    expect(message).toContain(`'${app.url}/'`); // Chromium names the origin only
    expect(message).toContain(`frame-ancestors 'self' ${blog.origin}`);
    await expect(page.frameLocator('iframe').getByTestId('embed-feed')).toHaveCount(0);
  });

  test('options: grid of covers, kinds, toggles', async ({ page }) => {
    await page.goto(`${app.url}/embed?layout=grid&kind=book,game&limit=4&ratings=0`);
    expect(await titles(page.locator('body'))).toEqual(['Book Five', 'Game One', 'Book Four', 'Book Three']);
    await expect(page.locator('[data-layout="grid"]')).toBeVisible();
    await expect(page.getByTestId('embed-feed').locator(`img[src="${blog.origin}/cover.svg"]`)).toHaveCount(1);
    await expect(page.getByRole('img', { name: /^Rated/ })).toHaveCount(0);

    await page.goto(`${app.url}/embed?kind=game&layout=grid`);
    await expect(page.getByRole('img', { name: 'Rated 5 out of 5' })).toBeVisible();

    await page.goto(`${app.url}/embed?kind=book&limit=50`);
    await expect(page.getByText('A slow start')).toHaveCount(0); // reviews are off by default
    await expect(page.locator('article img')).toHaveCount(1); // covers on: Book Three's
    await page.goto(`${app.url}/embed?kind=book&limit=50&reviews=1&covers=0&ratings=0`);
    await expect(page.getByText('A slow start, then it would not let go.')).toBeVisible();
    await expect(page.locator('article img')).toHaveCount(0);
    await expect(page.getByRole('img', { name: /^Rated/ })).toHaveCount(0);
  });

  test('invalid options fall back to the defaults instead of failing', async ({ page }) => {
    const response = await page.goto(`${app.url}/embed?limit=abc&theme=purple&layout=carousel&kind=opera&covers=maybe&reviews=2`);
    expect(response?.status()).toBe(200);
    await expect(page.locator('[data-theme]')).toHaveAttribute('data-theme', 'auto');
    await expect(page.locator('[data-theme]')).toHaveAttribute('data-layout', 'list');
    await expect(page.getByTestId('embed-feed').getByRole('article')).toHaveCount(5);
    await expect(page.getByText('A slow start')).toHaveCount(0);
    for (const query of ['limit=0', 'limit=51', 'limit=-1', 'limit=2.5', 'kind=%00', 'theme=', 'limit=99999999999999999999999']) {
      expect((await page.goto(`${app.url}/embed?${query}`))?.status(), query).toBe(200);
    }
  });

  test('theme: light and dark override the visitor preference, auto follows it', async ({ page }) => {
    const background = async (query: string) => {
      await page.goto(`${app.url}/embed?${query}`);
      return page.locator('[data-theme]').evaluate((el) => getComputedStyle(el).backgroundColor);
    };
    await page.emulateMedia({ colorScheme: 'dark' });
    expect(await background('theme=auto')).toBe('rgb(22, 23, 27)');
    expect(await background('theme=light')).toBe('rgb(251, 250, 247)');
    await page.emulateMedia({ colorScheme: 'light' });
    expect(await background('theme=auto')).toBe('rgb(251, 250, 247)');
    expect(await background('theme=dark')).toBe('rgb(22, 23, 27)');
  });

  test('the admin Embed page previews the chosen options and copies the snippet', async ({ page, context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: app.url });
    await loginAsOwner(page, app.url);
    await page.goto(`${app.url}/admin/embed`);
    const form = page.getByRole('form', { name: 'Widget options' });
    await form.getByLabel('Books').check();
    await form.getByLabel('How many').fill('2');
    await form.getByLabel('Theme').selectOption('dark');
    await form.getByLabel('Layout').selectOption('grid');

    const preview = page.getByTestId('embed-preview');
    await expect(preview).toHaveAttribute('src', '/embed?kind=book&limit=2&theme=dark&layout=grid');
    await expect(page.frameLocator('[data-testid="embed-preview"]').getByRole('article')).toHaveCount(2);

    const script = `<script src="${app.url}/embed.js" data-kind="book" data-limit="2" data-theme="dark" data-layout="grid" async></script>`;
    await expect(page.getByLabel(/Script tag/)).toHaveValue(script);
    await expect(page.getByLabel(/Plain iframe/)).toHaveValue(new RegExp(`^<iframe src="${app.url}/embed\\?kind=book&amp;limit=2&amp;theme=dark&amp;layout=grid"`));
    await page.getByRole('button', { name: 'Copy' }).first().click();
    await expect(page.getByRole('status').first()).toHaveText('Copied');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(script);
  });
});

test.describe('framing headers', () => {
  test('/embed may be framed by any site by default', async ({ request }) => {
    const response = await request.get('/embed');
    expect(response.status()).toBe(200);
    expect(response.headers()['content-security-policy']).toBe('frame-ancestors *');
    expect(response.headers()['x-frame-options']).toBeUndefined();
  });

  for (const path of ['/about', '/admin', '/admin/embed', '/feed.xml', '/api/media', '/embed.js']) {
    test(`${path} refuses to be framed`, async ({ request }) => {
      const headers = (await request.get(path)).headers();
      expect(headers['content-security-policy']).toBe("frame-ancestors 'none'");
      expect(headers['x-frame-options']).toBe('DENY');
    });
  }
});
