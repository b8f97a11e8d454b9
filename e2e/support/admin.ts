import type { Page } from '@playwright/test';

/** Opens the admin, signing in first when it asks for the password. */
export async function openAdmin(page: Page, path = '/admin') {
  await page.goto(path);
  if (new URL(page.url()).pathname === '/admin/login') {
    await page.getByLabel('Password').fill(process.env.E2E_ADMIN_PASSWORD!);
    await page.getByLabel('Password').press('Enter');
    await page.waitForURL((url) => url.pathname !== '/admin/login');
    if (new URL(page.url()).pathname !== path) await page.goto(path);
  }
}
