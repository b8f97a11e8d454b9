// Shelf on the open internet (issue #11): what an anonymous visitor can do is bounded, and the
// owner cannot be locked out or framed. Own servers, so limits tripped here reach no other test.
import { expect, test, type Browser, type Page } from '@playwright/test';
import { rawGet } from './support/raw-get';
import { startAppServer, type AppServer } from './support/app-server';
import { submitPassword } from './support/admin';

const PASSWORD = process.env.E2E_ADMIN_PASSWORD!;
const TOKEN = process.env.E2E_ADMIN_TOKEN!;
const FRAMERS = 'https://blog.example';
const POLICY = `frame-ancestors 'self' ${FRAMERS}`;


test.describe('behind a trusted proxy on this machine (own server)', () => {
  test.describe.configure({ mode: 'serial' });
  let app: AppServer;
  test.beforeAll(async () => {
    // A low rate, so that even a slow machine sends faster than it (the default, 20, is unit-tested).
    // TRUST_PROXY=loopback: the test's X-Forwarded-For is a proxy's word for who the client is.
    app = await startAppServer({ EMBED_ALLOWED_ORIGINS: FRAMERS, ORDERBOOK_RATE_LIMIT: '2', TRUST_PROXY: 'loopback' });
  });
  test.afterAll(async () => {
    await app?.stop();
  });

  test('demo orders: ORDERBOOK_RATE_LIMIT a second per client, then 429 JSON with Retry-After; HEAD never writes; robots.txt keeps crawlers off', async ({ request }) => {
    const book = async () => (await (await request.get(`${app.url}/orderbook`)).json()) as { bids: unknown[] };
    const client = { 'x-forwarded-for': '203.0.113.7' };
    const started = Date.now();
    const answers = await Promise.all(Array.from({ length: 60 }, (_, i) => request.post(`${app.url}/buy/${i}/10`, { headers: client })));
    const seconds = (Date.now() - started) / 1000;
    const accepted = answers.filter((r) => r.status() === 200).length;
    expect(accepted).toBeGreaterThanOrEqual(2); // the burst
    expect(accepted).toBeLessThanOrEqual(2 + Math.ceil(seconds * 2)); // plus what refilled meanwhile
    expect(answers.every((r) => r.status() === 200 || r.status() === 429)).toBe(true);
    const refused = answers.find((r) => r.status() === 429)!;
    expect(refused.headers()['retry-after']).toBe('1');
    expect(await refused.json()).toEqual({ error: expect.stringMatching(/^Too many orders: at most 2 a second from one client/) });
    // Another address the trusted proxy names is another client (an untrusted peer's word counts for nothing: below).
    expect((await request.post(`${app.url}/buy/1/10`, { headers: { 'x-forwarded-for': '198.51.100.4' } })).status()).toBe(200);

    const before = (await book()).bids.length;
    const head = await request.head(`${app.url}/buy/1/11`, { headers: { 'x-forwarded-for': '198.51.100.5' } });
    expect(head.status()).toBe(405);
    expect(head.headers().allow).toBe('GET, POST');
    expect((await book()).bids.length).toBe(before);

    const robots = await (await request.get(`${app.url}/robots.txt`)).text();
    expect(robots).toMatch(/Disallow: \/buy\//);
    expect(robots).toMatch(/Disallow: \/sell\//);
  });

  test('every /embed response carries the frame policy, whatever the request', async () => {
    const variants: [string, Record<string, string>][] = [
      ['/embed', {}],
      ['/embed?_rsc=1', {}],
      ['/embed?_rsc=abc', { rsc: '1' }],
      ['/embed', { rsc: '1' }],
      ['/embed?limit=3', { rsc: '1', 'next-router-prefetch': '1' }],
      ['/embed', { 'next-router-segment-prefetch': '/_tree' }],
      ['/embed?theme=dark', { 'accept-encoding': 'gzip' }],
    ];
    for (const [path, headers] of variants) {
      const response = await rawGet(`${app.url}${path}`, headers);
      expect(response.headers['content-security-policy'], `${path} ${JSON.stringify(headers)}`).toBe(POLICY);
      expect(response.headers['x-frame-options'], path).toBeUndefined();
    }
  });

  test('junk query strings of /about and /embed are one cache entry, not one each', async () => {
    await rawGet(`${app.url}/about`);
    await rawGet(`${app.url}/embed?limit=3`);
    for (let i = 0; i < 10; i++) {
      expect((await rawGet(`${app.url}/about?from=x${i}&utm=${i}`)).headers['x-render-cache']).toBe('hit');
      expect((await rawGet(`${app.url}/embed?limit=3&junk=${i}&LIMIT=9`)).headers['x-render-cache']).toBe('hit');
    }
  });

  test('API: every documented Idempotency-Key works, a reused one with another body is 422, a chunked huge body is 413', async ({ request }) => {
    const headers = { authorization: `Bearer ${TOKEN}` };
    const key = 'k'.repeat(128);
    const first = await request.post(`${app.url}/api/media`, { headers: { ...headers, 'idempotency-key': key }, data: { kind: 'book', title: 'Key of 128' } });
    expect(first.status()).toBe(201);
    const retry = await request.post(`${app.url}/api/media`, { headers: { ...headers, 'idempotency-key': key }, data: { kind: 'book', title: 'Key of 128' } });
    expect((await retry.json()).entry.id).toBe((await first.json()).entry.id);
    const other = await request.post(`${app.url}/api/media`, { headers: { ...headers, 'idempotency-key': key }, data: { kind: 'book', title: 'Another' } });
    expect(other.status()).toBe(422);
    expect((await other.json()).error).toMatch(/already used for a different entry/);

    const link = await request.post(`${app.url}/api/media`, { headers, data: { kind: 'book', title: 'Bad link', url: 'http:evil.com' } });
    expect(link.status()).toBe(400);
    expect((await link.json()).fields.url).toMatch(/full http/);

    // 2 MB sent chunked (no Content-Length): refused once past the cap.
    const chunked = await fetch(`${app.url}/api/media`, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json' },
      body: new ReadableStream({
        start(controller) {
          for (let i = 0; i < 32; i++) controller.enqueue(new Uint8Array(64 * 1024).fill(0x20));
          controller.close();
        },
      }),
      duplex: 'half',
    } as RequestInit);
    expect(chunked.status).toBe(413);
    expect(await chunked.json()).toEqual({ error: 'Body too large: at most 65536 bytes' });
  });

  test('a flood of failed logins from forged addresses does not stop a known browser; logout ends the session for good', async ({ browser }) => {
    test.setTimeout(240_000); // 60 logins with a 400 ms delay each, from 6 tabs: slow on a loaded machine
    // The owner's browser logs in once (and gets its device cookie), keeps a copy of its session
    // cookie, and logs out.
    const owner = await browser.newContext();
    const ownerPage = await owner.newPage();
    await ownerPage.goto(`${app.url}/admin/login`);
    await submitPassword(ownerPage, PASSWORD);
    await expect(ownerPage).toHaveURL(`${app.url}/admin`);
    const session = (await owner.cookies()).find((c) => c.name === 'shelf_session')!;
    expect((await owner.cookies()).some((c) => c.name === 'shelf_device')).toBe(true);
    await ownerPage.getByRole('button', { name: 'Log out' }).click();
    await expect(ownerPage).toHaveURL(`${app.url}/admin/login`);

    // The old session cookie, put back, no longer gets in.
    const replay = await browser.newContext();
    await replay.addCookies([{ name: session.name, value: session.value, url: app.url }]);
    const replayPage = await replay.newPage();
    await replayPage.goto(`${app.url}/admin`);
    await expect(replayPage).toHaveURL(/\/admin\/login/);
    await replay.close();

    // 60 wrong passwords, each from a "new" address, from 6 tabs at once: the shared limit trips.
    await flood(browser, app.url, 60);
    const stranger = await browser.newPage();
    await stranger.goto(`${app.url}/admin/login`);
    await submitPassword(stranger, PASSWORD);
    await expect(stranger.getByRole('alert').filter({ hasText: 'Too many failed logins' })).toBeVisible();
    await stranger.close();

    // The owner's browser, known from its earlier login, still gets in with the right password.
    await ownerPage.goto(`${app.url}/admin/login`);
    await submitPassword(ownerPage, PASSWORD);
    await expect(ownerPage).toHaveURL(`${app.url}/admin`);
    await owner.close();
  });
});

test.describe('with no proxy trusted (own server)', () => {
  test.describe.configure({ mode: 'serial' });
  let app: AppServer;
  test.beforeAll(async () => {
    app = await startAppServer({ ORDERBOOK_RATE_LIMIT: '2', SITE_URL: '' });
  });
  test.afterAll(async () => {
    await app?.stop();
  });

  test("a forged X-Forwarded-For picks no fresh limit: the socket's address is the client", async ({ request }) => {
    const started = Date.now();
    const answers = await Promise.all(Array.from({ length: 30 }, (_, i) => request.post(`${app.url}/buy/${i}/10`, { headers: { 'x-forwarded-for': `203.0.113.${i}` } })));
    const accepted = answers.filter((r) => r.status() === 200).length;
    expect(accepted).toBeLessThanOrEqual(2 + Math.ceil(((Date.now() - started) / 1000) * 2));
    expect(answers.filter((r) => r.status() === 429).length).toBeGreaterThan(0);
    // Nor do its forged protocol and host make the site's links.
    const forged = { 'x-forwarded-for': '198.51.100.1', 'x-forwarded-proto': 'https', 'x-forwarded-host': 'evil.example' };
    const feed = await (await request.get(`${app.url}/feed.json`, { headers: forged })).json();
    expect(feed.home_page_url).toBe(`${app.url}/about`);
  });

  test('six wrong passwords from six forged addresses are six from one client: the sixth try is refused', async ({ page }) => {
    test.setTimeout(120_000);
    await page.goto(`${app.url}/admin/login`);
    for (let i = 0; i < 5; i++) {
      await page.setExtraHTTPHeaders({ 'x-forwarded-for': `198.18.0.${i}` });
      await submitPassword(page, `guess ${i}`);
      await expect(page.getByText('Wrong password')).toBeVisible();
    }
    await page.setExtraHTTPHeaders({ 'x-forwarded-for': '198.18.0.99' });
    await submitPassword(page, PASSWORD);
    await expect(page.getByRole('alert').filter({ hasText: 'Too many failed logins' })).toBeVisible();
  });
});

test.describe('budgets for everyone together (own servers)', () => {
  test('demo orders: at most ORDERBOOK_GLOBAL_RATE_LIMIT a second from all addresses together', async ({ request }) => {
    const app = await startAppServer({ TRUST_PROXY: 'loopback', ORDERBOOK_RATE_LIMIT: '100', ORDERBOOK_GLOBAL_RATE_LIMIT: '3' });
    try {
      const started = Date.now();
      const answers = await Promise.all(Array.from({ length: 40 }, (_, i) => request.post(`${app.url}/buy/${i}/10`, { headers: { 'x-forwarded-for': `198.51.100.${i}` } })));
      const accepted = answers.filter((r) => r.status() === 200).length;
      expect(accepted).toBeGreaterThanOrEqual(3);
      expect(accepted).toBeLessThanOrEqual(3 + Math.ceil(((Date.now() - started) / 1000) * 3));
      const refused = answers.find((r) => r.status() === 429)!;
      expect((await refused.json()).error).toMatch(/^The demo is busy: at most 3 orders a second from everyone together/);
      expect(refused.headers()['retry-after']).toBe('1');
    } finally {
      await app.stop();
    }
  });

  test('the demo log is capped: past ORDERBOOK_MAX_LOG_BYTES orders get 503 "Demo full", while /healthz and the owner\'s writes go on', async ({ request }) => {
    const app = await startAppServer({ ORDERBOOK_MAX_LOG_BYTES: '3000', ORDERBOOK_RATE_LIMIT: '0', ORDERBOOK_GLOBAL_RATE_LIMIT: '0' });
    try {
      let placed = 0;
      let answer;
      for (;;) {
        answer = await request.post(`${app.url}/buy/${placed}/10`);
        if (answer.status() !== 200) break;
        placed++;
        expect(placed).toBeLessThan(100); // about 160 bytes an order: full after some 19
      }
      expect(answer.status()).toBe(503);
      expect(answer.headers()['content-type']).toMatch(/json/);
      expect((await answer.json()).error).toMatch(/^Demo full: .*ORDERBOOK_MAX_LOG_BYTES/);
      expect(placed).toBeGreaterThan(5);
      const health = await request.get(`${app.url}/healthz`);
      expect([health.status(), await health.text()]).toEqual([200, 'ok']);
      expect((await request.get(`${app.url}/orderbook`)).status()).toBe(200);
      const entry = await request.post(`${app.url}/api/media`, { headers: { authorization: `Bearer ${TOKEN}` }, data: { kind: 'book', title: 'Logged while the demo is full' } });
      expect(entry.status()).toBe(201);
    } finally {
      await app.stop();
    }
  });

  test("wrong API tokens from many addresses lock out every address but the owner's", async ({ request }) => {
    const app = await startAppServer({ TRUST_PROXY: 'loopback' });
    try {
      const post = (address: string, token: string) =>
        request.post(`${app.url}/api/media`, { headers: { authorization: `Bearer ${token}`, 'x-forwarded-for': address }, data: { kind: 'book', title: `From ${address}` } });
      expect((await post('192.0.2.10', TOKEN)).status()).toBe(201); // the owner's script, once
      const guesses = await Promise.all(Array.from({ length: 60 }, (_, i) => post(`198.18.${i}.1`, `guess-${i}-xxxxxxxxxxxx`)));
      expect(guesses.filter((r) => r.status() === 401)).toHaveLength(50);
      expect(guesses.filter((r) => r.status() === 429)).toHaveLength(10);
      expect((await post('203.0.113.77', TOKEN)).status()).toBe(429); // a stranger, even with the token
      expect((await post('192.0.2.10', TOKEN)).status()).toBe(201); // the owner's script goes on
    } finally {
      await app.stop();
    }
  });
});

async function flood(browser: Browser, url: string, attempts: number) {
  const context = await browser.newContext();
  const tabs = 6;
  await Promise.all(
    Array.from({ length: tabs }, async (_, tab) => {
      const page = await context.newPage();
      await page.goto(`${url}/admin/login`);
      for (let i = tab; i < attempts; i += tabs) {
        await page.setExtraHTTPHeaders({ 'x-forwarded-for': `198.18.${tab}.${i}` });
        await submitPassword(page, `guess ${i}`);
      }
    }),
  );
  await context.close();
}

test.describe('owner settings', () => {
  test('ORDERBOOK=off turns the demo routes off with a JSON 404', async ({ request }) => {
    const app = await startAppServer({ ORDERBOOK: 'off' });
    try {
      for (const path of ['/buy/1/10', '/sell/1/10', '/orderbook']) {
        const response = path === '/orderbook' ? await request.get(`${app.url}${path}`) : await request.post(`${app.url}${path}`);
        expect(response.status(), path).toBe(404);
        expect((await response.json()).error, path).toMatch(/ORDERBOOK=off/);
      }
    } finally {
      await app.stop();
    }
  });

  test('an ADMIN_TOKEN under 16 characters stops the start with a clear message', async () => {
    await expect(startAppServer({ ADMIN_TOKEN: 'e2e-api-token' })).rejects.toThrow(/ADMIN_TOKEN is 13 characters long; use at least 16/);
  });
});
