import { createHmac } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { expect, test } from '@playwright/test';
import { fillEntryForm, loginAsOwner } from './support/admin';
import { freePort, startAppServer, type AppServer } from './support/app-server';

// A local stand-in for the owner's webhook receiver: it fails while `failing` is set.
const SECRET = 'e2e-webhook-secret';
const received: { headers: Record<string, string | string[] | undefined>; body: string }[] = [];
let failing = false;
let receiver: Server;
let server: AppServer;

test.describe.configure({ mode: 'serial' });
test.beforeAll(async () => {
  const port = await freePort();
  receiver = createServer((req, res) => {
    let body = '';
    req.on('data', (d) => (body += d));
    req.on('end', () => {
      received.push({ headers: req.headers, body });
      res.writeHead(failing ? 500 : 200).end(failing ? 'down' : 'ok');
    });
  });
  await new Promise<void>((r) => receiver.listen(port, '127.0.0.1', r));
  server = await startAppServer({
    ANNOUNCE_WEBHOOK_URL: `http://127.0.0.1:${port}/hook`,
    ANNOUNCE_WEBHOOK_SECRET: SECRET,
    ANNOUNCE_MAX_ATTEMPTS: '2',
    ANNOUNCE_RETRY_BASE_MS: '100',
  });
});
test.afterAll(async () => {
  await server.stop();
  receiver.close();
});

test('logging with announce previews the text and posts it to the webhook once, signed', async ({ page }) => {
  await loginAsOwner(page, server.url);
  await fillEntryForm(page, { kind: 'book', title: 'Piranesi', creator: 'Susanna Clarke', rating: '4' });
  await page.getByLabel('Post it to my channels').check();
  await expect(page.getByTestId('announce-preview')).toContainText('Finished reading Piranesi by Susanna Clarke ★★★★☆');
  await page.getByRole('button', { name: 'Log it' }).click();
  await expect(page.getByRole('status')).toHaveText('Logged “Piranesi”.');

  await expect.poll(() => received.length).toBe(1);
  const [hook] = received;
  const signature = createHmac('sha256', SECRET).update(hook!.body).digest('hex');
  expect(hook!.headers['shelf-signature']).toBe(`sha256=${signature}`);
  expect(JSON.parse(hook!.body).text).toContain('Finished reading Piranesi');

  await expect(async () => {
    await page.reload();
    await expect(page.getByLabel('Announcements of Piranesi')).toContainText('Posted to Webhook');
  }).toPass();

  // A restart replays the log: nothing is sent again.
  await server.restart();
  await page.goto(`${server.url}/admin`);
  await expect(page.getByLabel('Announcements of Piranesi')).toContainText('Posted to Webhook');
  expect(received).toHaveLength(1);
});

test('a channel that keeps failing ends as a dead letter the owner can retry', async ({ page }) => {
  failing = true;
  received.length = 0;
  await loginAsOwner(page, server.url);
  await fillEntryForm(page, { kind: 'movie', title: 'Perfect Days' });
  await page.getByLabel('Post it to my channels').check();
  await page.getByRole('button', { name: 'Log it' }).click();
  await expect(page.getByRole('status')).toHaveText('Logged “Perfect Days”.');

  await expect.poll(() => received.length).toBe(2); // ANNOUNCE_MAX_ATTEMPTS
  await expect(async () => {
    await page.reload();
    await expect(page.getByLabel('Announcements of Perfect Days')).toContainText('gave up after 2 attempts');
  }).toPass();

  failing = false;
  await page.getByRole('button', { name: 'Retry Webhook for Perfect Days' }).click();
  await expect.poll(() => received.length).toBe(3);
  await expect(async () => {
    await page.reload();
    await expect(page.getByLabel('Announcements of Perfect Days')).toContainText('Posted to Webhook');
  }).toPass();
  const ids = new Set(received.map((r) => r.headers['shelf-event-id']));
  expect(ids.size).toBe(1); // every attempt carries the same event id, so a receiver can deduplicate
});
