import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { openAdmin } from './support/admin';

const tag = () => Math.random().toString(36).slice(2, 8);

/** Logs, renames and removes one entry through the admin pages; returns its titles. */
async function logEditRemove(page: Page) {
  const t = tag();
  const before = `Dune ${t}`;
  const after = `Dune Messiah ${t}`;
  page.on('dialog', (dialog) => dialog.accept()); // Remove and Undo ask for confirmation
  await openAdmin(page);
  await page.getByLabel('Title').fill(before);
  await page.getByRole('button', { name: 'Log it' }).click();
  await expect(page.getByRole('status')).toHaveText(`Logged “${before}”.`);

  await page.getByRole('link', { name: `Edit ${before}` }).click();
  await expect(page.getByRole('heading', { name: `Edit “${before}”` })).toBeVisible();
  await page.getByLabel('Title').fill(after);
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByRole('status')).toContainText(`title '${before}' -> '${after}'`);

  await openAdmin(page);
  await page.getByRole('button', { name: `Remove ${after}` }).click();
  await expect(page.getByRole('button', { name: `Restore ${after}` })).toBeVisible();
  return { before, after };
}

const historyRow = (page: Page, text: string) => page.getByTestId('history').locator('li').filter({ hasText: text });
const pastTitle = (page: Page, title: string) => page.getByTestId('past-feed').getByRole('heading', { name: title, exact: true });

test('the history explains each change, and the past view steps back to the earlier title and the removed entry', async ({ page }) => {
  const { before, after } = await logEditRemove(page);

  await openAdmin(page, '/admin/history');
  await expect(historyRow(page, `logged '${before}' (book) (now titled '${after}')`)).toHaveCount(1);
  await expect(historyRow(page, `edited '${before}': title '${before}' -> '${after}'`)).toHaveCount(1);
  const removal = historyRow(page, `removed '${after}'`);
  await expect(removal).toContainText('Removed');
  const removalSeq = Number(await removal.getAttribute('data-seq'));

  // the type filter keeps only that type
  await page.getByLabel('Event type').selectOption('MediaRemoved');
  await page.getByRole('button', { name: 'Filter' }).click();
  await expect(page).toHaveURL(/type=MediaRemoved/);
  await expect(historyRow(page, `removed '${after}'`)).toHaveCount(1);
  await expect(page.getByTestId('history').locator('li:not([data-type="MediaRemoved"])')).toHaveCount(0);

  // time travel from the removal, one event at a time
  await historyRow(page, `removed '${after}'`).getByRole('link', { name: `View as of event #${removalSeq}` }).click();
  await expect(page.getByTestId('past-banner')).toContainText(
    new RegExp(`You are looking at the shelf as of event #${removalSeq}, [A-Z][a-z]{2} \\d{1,2} \\d{4} \\d{2}:\\d{2}`),
  );
  await expect(page.getByTestId('past-event')).toContainText(`removed '${after}'`);
  await expect(pastTitle(page, after)).toHaveCount(0);

  await page.getByRole('link', { name: '← Previous event' }).click();
  await expect(page.getByTestId('past-banner')).toContainText(`as of event #${removalSeq - 1},`);
  await expect(pastTitle(page, after)).toBeVisible(); // the removed entry is back in the past

  // further back, past the edit: the earlier title
  for (let steps = 0; !(await page.getByTestId('past-event').textContent())?.includes(`edited '${before}'`); steps++) {
    expect(steps, 'the edit is a few events before the removal').toBeLessThan(30);
    await page.getByRole('link', { name: '← Previous event' }).click();
    await page.waitForURL(new RegExp(`/as-of/${removalSeq - 2 - steps}$`));
  }
  await expect(pastTitle(page, after)).toBeVisible();
  await page.getByRole('link', { name: '← Previous event' }).click();
  await expect(pastTitle(page, before)).toBeVisible();
  await expect(pastTitle(page, after)).toHaveCount(0);

  // and forward again
  await page.getByRole('link', { name: 'Next event →' }).click();
  await expect(pastTitle(page, after)).toBeVisible();

  await page.getByRole('link', { name: 'back to now' }).click();
  await expect(page).toHaveURL(/\/admin\/history$/);

  // the live About page is untouched by all this
  await page.goto('/about');
  await expect(page.getByRole('heading', { name: after, exact: true })).toHaveCount(0);
});

test('undo reverses the latest change with a new event, and refuses a change that is no longer the latest', async ({ page, browser }) => {
  const { before, after } = await logEditRemove(page);
  await openAdmin(page, '/admin/history');
  const removalSeq = Number(await historyRow(page, `removed '${after}'`).getAttribute('data-seq'));
  const editSeq = Number(await historyRow(page, `edited '${before}'`).getAttribute('data-seq'));
  await expect(page.getByRole('button', { name: `Undo event #${editSeq}` })).toHaveCount(0); // not the latest change

  await page.getByRole('button', { name: `Undo event #${removalSeq}` }).click();
  const restored = historyRow(page, `restored '${after}' (undo of #${removalSeq})`);
  await expect(restored).toHaveCount(1);
  await expect(page.getByRole('button', { name: `Undo event #${removalSeq}` })).toHaveCount(0);
  await page.goto('/about');
  await expect(page.getByRole('heading', { name: after, exact: true })).toBeVisible();

  // the undo is itself a change that can be undone, but not from a page that went stale meanwhile
  await openAdmin(page, '/admin/history');
  const undoSeq = Number(await historyRow(page, `(undo of #${removalSeq})`).getAttribute('data-seq'));
  const other = await browser.newPage();
  other.on('dialog', (dialog) => dialog.accept());
  await openAdmin(other);
  await other.getByRole('button', { name: `Remove ${after}` }).click();
  await expect(other.getByRole('button', { name: `Restore ${after}` })).toBeVisible();
  await other.close();

  await page.getByRole('button', { name: `Undo event #${undoSeq}` }).click();
  await expect(page.getByTestId('history').getByRole('alert')).toContainText(`Cannot undo #${undoSeq}: “${after}” changed after it`);
});

test('exports: the log byte for byte, and the entries as JSON and CSV', async ({ page }) => {
  const { after } = await logEditRemove(page);
  await openAdmin(page, '/admin/history');

  const logFile = join(process.env.E2E_EVENTS_DIR!, 'media.jsonl');
  // Another test may append between the download and the read: compare once the two agree in size.
  await expect
    .poll(async () => {
      const response = await page.request.get('/admin/export/log/media.jsonl');
      expect(response.status()).toBe(200);
      expect(response.headers()['content-disposition']).toBe('attachment; filename="media.jsonl"');
      const body = await response.body();
      const file = readFileSync(logFile);
      return body.length === file.length ? Buffer.compare(body, file) : 'the log grew meanwhile';
    })
    .toBe(0);

  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: 'entries as CSV' }).click();
  const file = readFileSync((await (await download).path())!, 'utf8');
  expect(file.startsWith('\uFEFF')).toBe(true); // the UTF-8 byte-order mark, for spreadsheets
  const csv = file.slice(1);
  expect(csv.split('\r\n')[0]).toBe('id,kind,title,creator,url,coverUrl,rating,review,finishedOn,visibility,announce,removed,loggedAt,updatedAt,status,startedOn,progress,tags,progressNote,loggedBy');
  expect(csv).toMatch(new RegExp(`,book,${after},.*,public,false,true,`));

  const json = await (await page.request.get('/admin/export/entries.json')).json();
  expect(json.entries).toContainEqual(expect.objectContaining({ title: after, kind: 'book', removed: true }));
});

test('a store that is not running here is shown as such, not as an error', async ({ page }) => {
  await openAdmin(page, '/admin/history?store=orderbook');
  await expect(page.getByRole('navigation', { name: 'Stores' }).getByRole('link', { name: 'Orderbook' })).toHaveAttribute('aria-current', 'page');
  // before the orderbook joins this server there is nothing to show; after, its log
  await expect(page.getByTestId('store-missing').or(page.getByRole('button', { name: 'Filter' }))).toBeVisible();
  expect((await page.request.get('/admin/export/log/nothing.jsonl')).status()).toBe(404);
});

test('only the logged-in owner sees history and exports, and an expired session undoes nothing', async ({ page, request }) => {
  // Logged out: pages send to the login form, downloads answer 401 without a byte of the log.
  for (const path of ['/admin/history', '/admin/history/as-of/1']) {
    await page.goto(path);
    await expect(page).toHaveURL(/\/admin\/login\?next=/);
  }
  for (const path of ['/admin/export/log/media.jsonl', '/admin/export/entries.json', '/admin/export/entries.csv']) {
    const response = await request.get(path);
    expect(response.status(), path).toBe(401);
    expect((await response.json()).error).toMatch(/not logged in/);
  }

  // The session ends while the history page is open: Undo says so and appends nothing.
  const { after } = await logEditRemove(page);
  await openAdmin(page, '/admin/history');
  const removalSeq = Number(await historyRow(page, `removed '${after}'`).getAttribute('data-seq'));
  const logFile = join(process.env.E2E_EVENTS_DIR!, 'media.jsonl');
  await page.context().clearCookies();
  await page.getByRole('button', { name: `Undo event #${removalSeq}` }).click();
  await expect(page.getByTestId('history').getByRole('alert')).toContainText('You are not logged in');
  const log = readFileSync(logFile, 'utf8');
  expect(log).not.toContain(`"undo:${removalSeq}"`);
});
