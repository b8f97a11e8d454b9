import { expect, test } from '@playwright/test';
import { fillEntryForm, loginAsOwner } from './support/admin';
import { startAppServer, type AppServer } from './support/app-server';
import { discover, startSite, type Site } from './support/indieweb';

// Webmention both ways with another person's site, played by a local stand-in: Shelf tells a page
// that advertises an endpoint that an entry cites it, and shows a reply from a page that links to
// an entry once it has verified it.
let server: AppServer;
let site: Site;

test.describe.configure({ mode: 'serial' });
test.beforeAll(async () => {
  site = await startSite();
  site.pages.set('/essay', `<!doctype html><title>An essay</title><link rel="webmention" href="/webmention-endpoint"><p>On reading slowly.</p>`);
  server = await startAppServer({ OUTBOUND_ALLOW_PRIVATE: '1' });
});
test.afterAll(async () => {
  await server?.stop();
  await site?.close();
});

const sent = () => site.requests.filter((r) => r.method === 'POST' && r.path === '/webmention-endpoint');

test('logging an entry that cites a page sends that page a Webmention, once, and the history shows it', async ({ page }) => {
  await loginAsOwner(page, server.url);
  await fillEntryForm(page, { kind: 'book', title: 'How to Read a Book', creator: 'Mortimer Adler', review: `Pairs well with [this essay](${site.url}/essay).` });
  await page.getByRole('button', { name: 'Log it' }).click();
  await expect(page.getByRole('status')).toHaveText('Logged “How to Read a Book”.');

  await expect.poll(() => sent().length, { timeout: 20_000 }).toBe(1);
  const { form } = sent()[0]!;
  expect(form.get('target')).toBe(`${site.url}/essay`);
  expect(form.get('source')).toMatch(new RegExp(`^${server.url}/entries/`));
  // The source is the entry page, and it links to the target, as the receiver will check.
  const entryPage = await (await fetch(form.get('source')!)).text();
  expect(entryPage).toContain(`href="${site.url}/essay"`);

  await page.goto(`${server.url}/admin/history?store=webmentions`);
  await expect(page.getByTestId('history').getByText(`sent a Webmention to ${site.url}/essay (its endpoint answered 202; attempt 1)`)).toBeVisible();
  expect(sent()).toHaveLength(1);
});

test('a page that links to an entry is verified and shown on the entry page; the owner can hide it', async ({ page }) => {
  const created = await fetch(`${server.url}/api/media`, {
    method: 'POST',
    headers: { authorization: `Bearer ${process.env.E2E_ADMIN_TOKEN}`, 'content-type': 'application/json' },
    body: JSON.stringify({ kind: 'movie', title: 'Paterson', creator: 'Jim Jarmusch' }),
  });
  const { entry } = await created.json();
  const target = `${server.url}/entries/${entry.id}`;
  site.pages.set(
    '/replies/1',
    `<!doctype html><article class="h-entry">
      <a class="p-author h-card" href="${site.url}/"><img class="u-photo" src="${site.url}/alice.jpg" alt="">Alice Example</a>
      <p>In reply to <a class="u-in-reply-to" href="${target}">Paterson</a></p>
      <div class="e-content">Such a gentle film. <script>alert('no')</script></div>
    </article>`,
  );
  site.pages.set('/alice.jpg', { status: 200, headers: { 'content-type': 'image/jpeg' }, body: '' });

  // The sender discovers Shelf's endpoint on the entry page, as any site would.
  const { rels } = await discover(target);
  expect(rels.webmention).toBe(`${server.url}/webmention`);
  const post = (source: string, to = target) => fetch(rels.webmention!, { method: 'POST', body: new URLSearchParams({ source, target: to }) });

  const notAnEntry = await post(`${site.url}/replies/1`, `${server.url}/about`);
  expect(notAnEntry.status).toBe(400);
  expect((await notAnEntry.json()).fields.target).toMatch(/public entry page/);
  const accepted = await post(`${site.url}/replies/1`);
  expect(accepted.status).toBe(202);

  await expect(async () => {
    await page.goto(target);
    await expect(page.getByTestId('mentions')).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 20_000 });
  const mentions = page.getByTestId('mentions');
  await expect(mentions.getByRole('heading', { name: /Replies/ })).toBeVisible();
  await expect(mentions.getByRole('link', { name: 'Alice Example' })).toHaveAttribute('href', `${site.url}/replies/1`);
  await expect(mentions.getByText('Such a gentle film.')).toBeVisible();
  await expect(mentions.locator('img')).toHaveAttribute('src', `${site.url}/alice.jpg`);
  expect(await mentions.innerHTML()).not.toContain('<script');

  // The owner hides it from /admin/settings: gone from the entry page.
  await loginAsOwner(page, server.url);
  await page.goto(`${server.url}/admin/settings`);
  await page.getByTestId('mentions-admin').getByRole('button', { name: `Hide the reply from ${site.url}/replies/1` }).click();
  await expect(page.getByTestId('mentions-admin').getByRole('button', { name: `Show the reply from ${site.url}/replies/1` })).toBeVisible();
  await page.goto(target);
  await expect(page.getByRole('heading', { level: 1, name: 'Paterson' })).toBeVisible();
  await expect(page.getByTestId('mentions')).toHaveCount(0);
});
