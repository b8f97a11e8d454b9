import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { SignJWT } from 'jose';
import { startAppServer, type AppServer } from './support/app-server';
import { generatedPassword, submitPassword } from './support/admin';

const PASSWORD = process.env.E2E_ADMIN_PASSWORD!;
const COOKIE = 'shelf_session'; // SITE_URL is http in e2e, so no __Host- prefix
const WEEK = 7 * 24 * 3600;


async function sessionCookie(context: BrowserContext) {
  return (await context.cookies()).find((c) => c.name === COOKIE);
}

async function logIn(page: Page, base = '') {
  await page.goto(`${base}/admin/login`);
  await submitPassword(page, PASSWORD);
  await expect(page).toHaveURL(`${base}/admin`);
}

test.describe('admin login', () => {
  test('visiting /admin while logged out leads to the login form', async ({ page }) => {
    await page.goto('/admin');
    await expect(page).toHaveURL('/admin/login?next=%2Fadmin');
    await expect(page.getByRole('heading', { name: 'Log in to Shelf admin' })).toBeVisible();
    await expect(page.getByLabel('Password')).toHaveAttribute('type', 'password');
    await expect(page.getByLabel('Password')).toBeFocused();

    await page.goto('/admin?from=bookmark'); // the guard remembers the exact page, query included
    await expect(page).toHaveURL(`/admin/login?next=${encodeURIComponent('/admin?from=bookmark')}`);
  });

  // Only one wrong password on the shared server: five in a row would lock 127.0.0.1 out for the
  // other specs. The lockout itself is tested on a server of its own below.
  test('a wrong password says so next to the field and keeps you out', async ({ page, context }) => {
    await page.goto('/admin/login');
    await submitPassword(page, 'not the password');
    const field = page.getByLabel('Password');
    await expect(page.getByText('Wrong password')).toBeVisible();
    await expect(field).toHaveAttribute('aria-invalid', 'true');
    await expect(field).toHaveAccessibleDescription('Wrong password');
    await expect(page).toHaveURL('/admin/login');
    expect(await sessionCookie(context)).toBeUndefined();
    await page.goto('/admin');
    await expect(page).toHaveURL(/\/admin\/login\?next=/);
  });

  test('the right password lets you in, with an httpOnly, SameSite=Lax session cookie for 7 days', async ({ page, context }) => {
    const before = Date.now() / 1000;
    await logIn(page);
    await expect(page.getByRole('heading', { name: 'Log something you finished', level: 1 })).toBeVisible();
    const header = page.getByRole('banner');
    await expect(header.getByRole('link', { name: 'Shelf admin' })).toBeVisible();
    const nav = page.getByRole('navigation', { name: 'Admin' });
    await expect(nav.getByRole('link', { name: 'Entries' })).toHaveAttribute('href', '/admin');
    await expect(nav.getByRole('link', { name: 'Entries' })).toHaveAttribute('aria-current', 'page');
    await expect(nav.getByRole('link', { name: 'Embed' })).toHaveAttribute('href', '/admin/embed');
    await expect(nav.getByRole('link', { name: 'History' })).toHaveAttribute('href', '/admin/history');
    await expect(header.getByRole('link', { name: 'About page' })).toHaveAttribute('href', '/about');

    const cookie = await sessionCookie(context);
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/', secure: false });
    expect(cookie!.expires).toBeGreaterThan(before + WEEK - 60);
    expect(cookie!.expires).toBeLessThan(Date.now() / 1000 + WEEK + 60);
    expect(await page.evaluate(() => document.cookie)).not.toContain(COOKIE);
  });

  test('log out ends the session, and /admin asks for the password again', async ({ page, context }) => {
    await logIn(page);
    await page.getByRole('button', { name: 'Log out' }).click();
    await expect(page).toHaveURL('/admin/login');
    expect(await sessionCookie(context)).toBeUndefined();
    await page.goto('/admin');
    await expect(page).toHaveURL('/admin/login?next=%2Fadmin');
  });

  test('a session cookie not signed by this server does not get in', async ({ page, context, baseURL }) => {
    const forged = await new SignJWT({})
      .setProtectedHeader({ alg: 'HS256' })
      .setIssuer('shelf')
      .setAudience('shelf-admin')
      .setSubject('admin')
      .setIssuedAt()
      .setExpirationTime('1h')
      .sign(new TextEncoder().encode('a key that is not the server key, 32+ bytes long'));
    await context.addCookies([{ name: COOKIE, value: forged, url: baseURL! }]);
    await page.goto('/admin');
    await expect(page).toHaveURL('/admin/login?next=%2Fadmin');
  });

  test('after login you land on the admin page you asked for, never on another site', async ({ page }) => {
    await page.goto(`/admin/login?next=${encodeURIComponent('/admin?from=bookmark')}`);
    await submitPassword(page, PASSWORD);
    await expect(page).toHaveURL('/admin?from=bookmark');

    await page.goto(`/admin/login?next=${encodeURIComponent('//evil.example/admin')}`);
    await expect(page).toHaveURL('/admin'); // already logged in: straight through, to our /admin
  });

  test('admin pages are never framed nor cached', async ({ page, baseURL }) => {
    const login = await page.goto('/admin/login');
    await logIn(page);
    const admin = await page.goto('/admin');
    for (const response of [login!, admin!]) {
      const headers = response.headers();
      expect(headers['x-frame-options']).toBe('DENY');
      expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
      expect(headers['cache-control']).toBe('no-store');
    }

    // And a browser really refuses to show it inside another site's page.
    await page.route('http://framer.test/', (route) =>
      route.fulfill({ contentType: 'text/html', body: `<iframe src="${baseURL}/admin" width="600" height="400"></iframe>` }),
    );
    await page.goto('http://framer.test/');
    await page.waitForLoadState('load');
    const frame = page.frames().find((f) => f !== page.mainFrame());
    expect(frame!.url()).toBe('chrome-error://chromewebdata/'); // Chromium's "refused to connect" page
  });
});

test.describe('login rate limit (own server, so the lockout does not reach other tests)', () => {
  let server: AppServer;
  test.beforeAll(async () => {
    server = await startAppServer();
  });
  test.afterAll(async () => {
    await server?.stop();
  });

  test('five wrong passwords lock the client out, even for the right password, saying when to retry', async ({ page, context }) => {
    await page.goto(`${server.url}/admin/login`);
    for (let i = 1; i <= 5; i++) {
      await submitPassword(page, `guess number ${i}`);
      await expect(page.getByText('Wrong password')).toBeVisible();
    }
    await submitPassword(page, PASSWORD);
    await expect(page.getByRole('alert').filter({ hasText: 'Too many failed logins' })).toHaveText(
      'Too many failed logins. Try again in 5 minutes.',
    );
    await expect(page).toHaveURL(`${server.url}/admin/login`);
    expect(await sessionCookie(context)).toBeUndefined();
  });
});

test.describe('generated admin password (own server with ADMIN_PASSWORD empty)', () => {
  let server: AppServer;
  test.beforeAll(async () => {
    // An events directory Shelf creates itself.
    server = await startAppServer({ ADMIN_PASSWORD: '', EVENTS_DIR: join(mkdtempSync(join(tmpdir(), 'shelf-e2e-home-')), 'events') });
  });
  test.afterAll(async () => {
    await server?.stop();
  });

  test('is printed once at first start, is the password that works, and stays (with the session) across a restart', async ({ page }) => {
    const generated = generatedPassword(server.output());
    expect(generated, server.output()).toMatch(/^[A-Za-z0-9_-]{24}$/);

    await page.goto(`${server.url}/admin/login`);
    await submitPassword(page, PASSWORD); // the e2e password is not this server's
    await expect(page.getByText('Wrong password')).toBeVisible();
    await submitPassword(page, generated!);
    await expect(page).toHaveURL(`${server.url}/admin`);
    await expect(page.getByRole('heading', { name: 'Entries' })).toBeVisible();

    await server.restart();
    expect(server.output().split(generated!)).toHaveLength(2); // printed once, never again
    expect(server.output()).toMatch(/Shelf admin password: the one printed at first start/);
    await page.goto(`${server.url}/admin`);
    await expect(page.getByRole('heading', { name: 'Entries' })).toBeVisible(); // still logged in
    const auth = readFileSync(join(server.eventsDir, 'auth.json'), 'utf8');
    expect(auth).not.toContain(generated!);
    expect(statSync(join(server.eventsDir, 'auth.json')).mode & 0o777).toBe(0o600);
    expect(statSync(server.eventsDir).mode & 0o777).toBe(0o700);
  });
});
