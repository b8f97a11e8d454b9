import { expect, type Page } from '@playwright/test';

/** Logs in through the login form, as the owner does. */
export async function loginAsOwner(page: Page, baseURL = '') {
  await page.goto(`${baseURL}/admin`);
  await page.getByLabel('Password').fill(process.env.E2E_ADMIN_PASSWORD!);
  await page.getByRole('button', { name: /log in/i }).click();
  await expect(page.getByRole('heading', { name: 'Log something you finished' })).toBeVisible();
}

/** Fills the log form; only the fields given are touched. */
export async function fillEntryForm(page: Page, fields: { kind?: string; title?: string; creator?: string; rating?: string; review?: string; finishedOn?: string; url?: string; private?: boolean }) {
  if (fields.kind) await page.getByLabel('Kind').selectOption(fields.kind);
  if (fields.title !== undefined) await page.getByLabel('Title', { exact: true }).fill(fields.title);
  if (fields.creator !== undefined) await page.locator('#creator').fill(fields.creator);
  if (fields.rating) await page.getByLabel('Rating').selectOption(fields.rating);
  if (fields.review !== undefined) await page.getByLabel(/Short review/).fill(fields.review);
  if (fields.finishedOn) await page.getByLabel('Finished', { exact: true }).fill(fields.finishedOn);
  if (fields.url !== undefined) await page.getByLabel('Link').fill(fields.url);
  if (fields.private) await page.getByLabel('Private').check();
}


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

/** Submits the login form and waits for the server action's answer. */
export async function submitPassword(page: Page, password: string) {
  // The form resets its fields when the previous answer is rendered (React form actions): fill
  // only once the button reads "Log in" again, or the reset could empty the new password.
  await expect(page.getByRole('button', { name: 'Log in', exact: true })).toBeEnabled();
  await page.getByLabel('Password').fill(password);
  await Promise.all([
    page.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname === '/admin/login'),
    page.getByRole('button', { name: 'Log in' }).click(),
  ]);
}

/** The password a server printed at its first start (ADMIN_PASSWORD unset), from its output. */
export function generatedPassword(output: string): string | undefined {
  return /Shelf admin password \(generated because ADMIN_PASSWORD is unset; shown this once[^)]*\): (\S+)/.exec(output)?.[1];
}
