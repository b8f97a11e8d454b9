import { expect, test, type Page } from '@playwright/test';
import { logEntry, uniqueTitle } from './support/api';
import { startAppServer, type AppServer } from './support/app-server';
import { openSse } from './support/sse';

const markPage = (page: Page) => page.evaluate(() => ((window as { notReloaded?: boolean }).notReloaded = true));
const stillSamePage = (page: Page) => page.evaluate(() => (window as { notReloaded?: boolean }).notReloaded === true);

test('an open About page shows a newly logged entry without a reload', async ({ page, request }) => {
  await page.goto('/about');
  await markPage(page);
  const title = uniqueTitle('Live Book');
  await logEntry(request, { kind: 'book', title, creator: 'Live Author' });
  await expect(page.getByRole('heading', { name: title })).toBeVisible();
  expect(await stillSamePage(page)).toBe(true);
});

test('the live stream sends retry, ids and changes, and tells a client what it missed', async ({ request, baseURL }) => {
  // Connect first, then log: the change arrives on the open stream.
  const stream = await fetch(`${baseURL}/api/events?stream=media`);
  expect(stream.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
  const reader = stream.body!.pipeThrough(new TextDecoderStream()).getReader();
  let text = '';
  const readUntil = async (pattern: RegExp) => {
    while (!pattern.test(text)) text += (await reader.read()).value ?? '';
    return pattern.exec(text)!;
  };
  const [, ready] = await readUntil(/id: (\d+)\nevent: ready\n/);
  expect(text.startsWith('retry: 1000\n\n')).toBe(true);
  await logEntry(request, { kind: 'article', title: uniqueTitle('Streamed') });
  const [, changed] = await readUntil(/id: (\d+)\nevent: change\ndata: \{"seq":\d+\}\n\n/);
  expect(Number(changed)).toBeGreaterThan(Number(ready));
  await reader.cancel();

  // A reconnect with an old Last-Event-ID hears at once that it missed something.
  const behind = openSse(`${baseURL}/api/events?stream=media`, { 'last-event-id': ready! });
  expect(await behind.firstEvent).toBe('change');
  behind.close();

  expect((await request.get('/api/events?stream=nope')).status()).toBe(404);
});

// Restarts and counts streams: its own server, so that nothing else holds a stream open on it.
test.describe('on a server of its own', () => {
  test.describe.configure({ mode: 'serial' });
  // More than the browser below ever opens (12 rounds of 3, plus the page of the test before): a
  // closed EventSource's socket may reach the server after the next round's requests, so the churn
  // must never depend on slots being freed in time. Only the count at the end does.
  const MAX_STREAMS = 40;
  let app: AppServer;

  test.beforeAll(async () => {
    // Every client here is 127.0.0.1: the per-client cap must not be what turns them away.
    app = await startAppServer({ LIVE_MAX_STREAMS: String(MAX_STREAMS), LIVE_MAX_STREAMS_PER_CLIENT: String(MAX_STREAMS) });
  });
  test.afterAll(async () => {
    await app?.stop();
  });

  test('the About page reconnects by itself after a server restart and catches up', async ({ page, request }) => {
    await page.goto(`${app.url}/about`);
    await markPage(page);
    await logEntry(request, { kind: 'book', title: 'Before the restart' }, app.url);
    await expect(page.getByRole('heading', { name: 'Before the restart' })).toBeVisible();

    await app.restart();
    await logEntry(request, { kind: 'game', title: 'After the restart' }, app.url);
    await expect(page.getByRole('heading', { name: 'After the restart' })).toBeVisible();
    expect(await stillSamePage(page)).toBe(true);
  });

  test('closed EventSources leave no subscriber behind', async ({ page }) => {
    // The server holds at most MAX_STREAMS streams (each one store subscription) and turns the next
    // client away with a `busy` event. Open and close 36 from a browser, then check that all
    // MAX_STREAMS places are free again: a single leaked subscription would take one.
    await page.goto(`${app.url}/healthz`); // a page of the app's origin that opens no stream of its own
    await page.evaluate(async () => {
      for (let round = 0; round < 12; round++) {
        const sources = Array.from({ length: 3 }, () => new EventSource('/api/events?stream=media'));
        await Promise.all(sources.map((s) => new Promise((resolve) => s.addEventListener('ready', resolve, { once: true }))));
        for (const s of sources) s.close();
      }
    });
    await page.close();

    await expect
      .poll(async () => {
        const clients = Array.from({ length: MAX_STREAMS + 1 }, () => openSse(`${app.url}/api/events?stream=media`));
        const events = await Promise.all(clients.map((c) => c.firstEvent));
        for (const c of clients) c.close();
        return events.sort(); // which of them arrives last is up to the network
      }, {
        // The server frees a stream when it sees the socket close, which on a loaded machine can
        // come after the next probe: a second between probes lets each probe's own clients go.
        intervals: [1_000],
        timeout: 20_000,
      })
      .toEqual(['busy', ...Array(MAX_STREAMS).fill('ready')]);
  });
});
