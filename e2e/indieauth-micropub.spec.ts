import { createHash, randomBytes } from 'node:crypto';
import { expect, test } from '@playwright/test';
import { startAppServer, type AppServer } from './support/app-server';
import { discover, startSite, type Site } from './support/indieweb';

// A Micropub client, played by the test: it discovers the owner's endpoints from the home page,
// signs in through IndieAuth in Chromium (the owner consents in Shelf's admin), exchanges the code
// with its PKCE verifier, and then creates, updates, deletes and undeletes an entry.
let server: AppServer;
let client: Site;

test.describe.configure({ mode: 'serial' });
test.beforeAll(async () => {
  client = await startSite();
  client.pages.set('/', `<!doctype html><title>Test client</title><div class="h-app"><a class="p-name u-url" href="/">Test Micropub Client</a></div>`);
  client.pages.set('/callback', '<!doctype html><title>Signed in</title><p>Back at the client.</p>');
  server = await startAppServer({ OUTBOUND_ALLOW_PRIVATE: '1' });
});
test.afterAll(async () => {
  await server?.stop();
  await client?.close();
});

test('a Micropub client signs in with IndieAuth and creates, updates, deletes and undeletes an entry', async ({ page }) => {
  // Discovery, as a client does it: from the profile URL the owner types (the home page).
  const home = await discover(`${server.url}/`);
  expect(home.rels.micropub).toBe(`${server.url}/micropub`);
  const metadata = await (await fetch(home.rels['indieauth-metadata']!)).json();
  expect(metadata).toMatchObject({ issuer: `${server.url}/`, code_challenge_methods_supported: ['S256'] });
  expect(metadata.scopes_supported).toEqual(expect.arrayContaining(['create', 'update', 'delete', 'media', 'profile']));

  const clientId = `${client.url}/`;
  const redirectUri = `${client.url}/callback`;
  const verifier = randomBytes(48).toString('base64url');
  const state = randomBytes(8).toString('hex');
  const authorize = new URL(metadata.authorization_endpoint);
  for (const [name, value] of Object.entries({
    response_type: 'code', client_id: clientId, redirect_uri: redirectUri, state, me: `${server.url}/`, scope: 'create update delete',
    code_challenge: createHash('sha256').update(verifier).digest('base64url'), code_challenge_method: 'S256',
  })) authorize.searchParams.set(name, value);

  // The owner, in the browser: sent to the login first, then to the consent page.
  await page.goto(authorize.href);
  await expect(page).toHaveURL(/\/admin\/login/);
  await page.getByLabel('Password').fill(process.env.E2E_ADMIN_PASSWORD!);
  await page.getByRole('button', { name: /log in/i }).click();
  await expect(page.getByTestId('client-name')).toHaveText('Test Micropub Client');
  await expect(page.getByTestId('redirect-uri')).toHaveText(redirectUri);
  await expect(page.getByRole('checkbox', { name: /log new entries/ })).toBeChecked();
  await page.getByRole('button', { name: 'Allow' }).click();
  await page.waitForURL((url) => url.href.startsWith(redirectUri));
  const back = new URL(page.url());
  expect(back.searchParams.get('state')).toBe(state);
  expect(back.searchParams.get('iss')).toBe(metadata.issuer);
  const code = back.searchParams.get('code')!;

  // The code, with the verifier, for a token; a second exchange of the same code is refused.
  const exchange = () =>
    fetch(metadata.token_endpoint, { method: 'POST', body: new URLSearchParams({ grant_type: 'authorization_code', code, client_id: clientId, redirect_uri: redirectUri, code_verifier: verifier }) });
  const tokenResponse = await exchange();
  expect(tokenResponse.status).toBe(200);
  const token = await tokenResponse.json();
  expect(token).toMatchObject({ token_type: 'Bearer', scope: 'create update delete', me: `${server.url}/` });

  const micropub = (body: unknown) =>
    fetch(home.rels.micropub!, { method: 'POST', headers: { authorization: `Bearer ${token.access_token}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });

  const created = await micropub({
    type: ['h-entry'],
    properties: { 'read-of': [{ type: ['h-cite'], properties: { name: ['The Dispossessed'], author: ['Ursula K. Le Guin'] } }], content: ['An ambiguous utopia.'], rating: [5], category: ['sci-fi'] },
  });
  expect(created.status).toBe(201);
  const location = created.headers.get('location')!;
  expect(location).toMatch(new RegExp(`^${server.url}/entries/`));
  await page.goto(location);
  await expect(page.getByRole('heading', { level: 1, name: 'The Dispossessed' })).toBeVisible();
  await expect(page.getByText('An ambiguous utopia.')).toBeVisible();

  expect((await micropub({ action: 'update', url: location, replace: { content: ['Anarres and Urras.'] }, add: { category: ['classic'] } })).status).toBe(204);
  await page.reload();
  await expect(page.getByText('Anarres and Urras.')).toBeVisible();
  await expect(page.getByRole('link', { name: '#classic' })).toBeVisible();

  expect((await micropub({ action: 'delete', url: location })).status).toBe(204);
  expect((await page.reload())!.status()).toBe(404);
  expect((await micropub({ action: 'undelete', url: location })).status).toBe(204);
  expect((await page.reload())!.status()).toBe(200);
  await expect(page.getByText('Anarres and Urras.')).toBeVisible();

  expect((await exchange()).status).toBe(400);
  // Using the code twice revoked the token it gave: the client is signed out.
  const afterReuse = await micropub({ type: ['h-entry'], properties: { 'read-of': [{ type: ['h-cite'], properties: { name: ['Late'] } }] } });
  expect(afterReuse.status).toBe(403);
});

test('the owner sees the signed-in app on /admin/settings and revokes it there', async ({ page }) => {
  const verifier = randomBytes(48).toString('base64url');
  const authorize = new URL(`${server.url}/indieauth/auth`);
  for (const [name, value] of Object.entries({
    response_type: 'code', client_id: `${client.url}/`, redirect_uri: `${client.url}/callback`, state: 's', scope: 'create',
    code_challenge: createHash('sha256').update(verifier).digest('base64url'), code_challenge_method: 'S256',
  })) authorize.searchParams.set(name, value);
  await page.goto(authorize.href);
  if (new URL(page.url()).pathname === '/admin/login') {
    await page.getByLabel('Password').fill(process.env.E2E_ADMIN_PASSWORD!);
    await page.getByRole('button', { name: /log in/i }).click();
  }
  await page.getByRole('button', { name: 'Allow' }).click();
  await page.waitForURL((url) => url.href.startsWith(`${client.url}/callback`));
  const code = new URL(page.url()).searchParams.get('code')!;
  const token = await (
    await fetch(`${server.url}/indieauth/token`, { method: 'POST', body: new URLSearchParams({ grant_type: 'authorization_code', code, client_id: `${client.url}/`, redirect_uri: `${client.url}/callback`, code_verifier: verifier }) })
  ).json();
  const query = () => fetch(`${server.url}/micropub?q=config`, { headers: { authorization: `Bearer ${token.access_token}` } });
  expect((await query()).status).toBe(200);

  await page.goto(`${server.url}/admin/settings`);
  const tokens = page.getByTestId('indieauth-tokens');
  await expect(tokens.getByText('Test Micropub Client')).toBeVisible();
  await expect(tokens.getByText('may create')).toBeVisible();
  await tokens.getByRole('button', { name: 'Revoke Test Micropub Client' }).click();
  await expect(tokens.getByText('may create')).toHaveCount(0);
  expect((await query()).status).toBe(403);
});
