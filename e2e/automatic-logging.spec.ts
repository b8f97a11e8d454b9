// Automatic logging as an owner sets it up: copy a URL from the settings page, paste it into the
// media server (here: post the server's recorded payload to it, as the server would), and see
// what it became on the settings page, in the admin list and in the history.
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { loginAsOwner } from './support/admin';
import { startAppServer, type AppServer } from './support/app-server';

const fixture = (name: string) => readFileSync(new URL(`../lib/hooks/fixtures/${name}`, import.meta.url));
const PLEX_TYPE = 'multipart/form-data; boundary=------------------------plexboundary7d6f';

let server: AppServer;
test.beforeAll(async () => {
  // No SITE_URL: the URLs shown must carry the address the owner reached the page at.
  server = await startAppServer({ SITE_URL: '', HOOKS_SECRET: '' });
});
test.afterAll(async () => {
  await server?.stop();
});

const hookUrl = (page: Page, server: 'Jellyfin' | 'Plex' | 'Emby') => page.getByLabel(`${server} URL`).inputValue();

test('a URL pasted from the settings page logs what the media server reports, and says so everywhere', async ({ page, request }) => {
  await loginAsOwner(page, server.url);
  await page.goto(`${server.url}/admin/settings`);
  const section = page.getByTestId('automatic-logging');
  await expect(section.getByRole('heading', { name: 'Automatic logging' })).toBeVisible();

  // Copied with the page's button, read back from the clipboard: what the owner pastes into Jellyfin.
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
  await section.getByRole('button', { name: 'Copy' }).first().click();
  await expect(section.getByText('Copied')).toBeVisible();
  const jellyfinUrl = await page.evaluate(() => navigator.clipboard.readText());
  expect(jellyfinUrl).toBe(await hookUrl(page, 'Jellyfin'));
  expect(jellyfinUrl).toMatch(new RegExp(`^${server.url}/api/hooks/jellyfin/[A-Za-z0-9_-]{16,}$`));
  // Jellyfin's Generic destination posts its JSON as text/plain.
  const posted = await request.post(jellyfinUrl, { data: fixture('jellyfin-movie-stop-complete.json'), headers: { 'content-type': 'text/plain; charset=utf-8' } });
  expect(posted.status()).toBe(201);
  expect(await posted.json()).toMatchObject({ became: 'logged', entry: { title: 'Arrival' } });
  // The double fire: the same entry.
  expect(await (await request.post(jellyfinUrl, { data: fixture('jellyfin-movie-stop-complete.json') })).json()).toMatchObject({ became: 'duplicate' });

  const plexUrl = await hookUrl(page, 'Plex');
  expect((await request.post(plexUrl, { data: fixture('plex-episode-scrobble.multipart'), headers: { 'content-type': PLEX_TYPE } })).status()).toBe(201);
  expect(await (await request.post(plexUrl, { data: fixture('plex-movie-play.multipart'), headers: { 'content-type': PLEX_TYPE } })).json()).toEqual({
    ignored: expect.stringMatching(/^media\.play/),
  });

  await page.reload();
  const jellyfinDeliveries = page.getByTestId('deliveries-jellyfin').getByRole('listitem');
  await expect(jellyfinDeliveries).toHaveCount(2);
  await expect(jellyfinDeliveries.first()).toContainText('already there');
  await expect(jellyfinDeliveries.nth(1)).toContainText('PlaybackStop Movie');
  await expect(jellyfinDeliveries.nth(1)).toContainText('finished movie, public');
  const plexDeliveries = page.getByTestId('deliveries-plex').getByRole('listitem');
  await expect(plexDeliveries.first()).toContainText('ignored');
  await expect(plexDeliveries.nth(1)).toContainText('show in progress at S01E03');

  await page.goto(`${server.url}/admin`);
  const arrival = page.getByTestId('admin-entries').getByRole('listitem').filter({ hasText: 'Arrival' });
  await expect(arrival).toContainText('by Jellyfin');
  const severance = page.getByTestId('admin-entries').getByRole('listitem').filter({ hasText: 'Severance' });
  await expect(severance).toContainText('S01E03');
  await expect(severance).toContainText('by Plex');

  await page.goto(`${server.url}/admin/history`);
  await expect(page.getByText("logged 'Arrival' (movie) by Jellyfin")).toBeVisible();
  await expect(page.getByText("started 'Severance' (show) by Plex")).toBeVisible();
});

test('automatic entries follow the section\'s settings, and a regenerated secret retires the old URLs', async ({ page, request }) => {
  await loginAsOwner(page, server.url);
  await page.goto(`${server.url}/admin/settings`);
  const section = page.getByTestId('automatic-logging');
  await section.getByLabel('Automatic entries are').selectOption('private');
  await section.getByRole('button', { name: 'Save' }).click();
  await expect(section.getByRole('status').filter({ hasText: 'Saved' })).toBeVisible();

  const embyUrl = await hookUrl(page, 'Emby');
  expect((await request.post(embyUrl, { data: fixture('emby-movie-stop-complete.json'), headers: { 'content-type': 'application/json' } })).status()).toBe(201);
  await page.goto(`${server.url}/admin`);
  await expect(page.getByTestId('admin-entries').getByRole('listitem').filter({ hasText: 'Paterson' })).toContainText('private');

  await page.goto(`${server.url}/admin/settings`);
  page.once('dialog', (dialog) => dialog.accept());
  await page.getByRole('button', { name: 'Regenerate the secret' }).click();
  await expect(page.getByText(/New secret made/)).toBeVisible();
  await expect.poll(() => hookUrl(page, 'Emby')).not.toBe(embyUrl);
  const fresh = await hookUrl(page, 'Emby');

  const old = await request.post(embyUrl, { data: fixture('emby-movie-stop-early.json'), headers: { 'content-type': 'application/json' } });
  expect(old.status()).toBe(404);
  expect(await old.json()).toEqual({ error: 'Not found' });
  expect(await (await request.post(fresh, { data: fixture('emby-movie-stop-early.json'), headers: { 'content-type': 'application/json' } })).json()).toEqual({ ignored: 'stopped before the end' });
});
