import 'server-only';
import { adminTokenProblem, apiTokenClients } from './auth/api-token';
import { prepareAdminPassword } from './auth/password';
import { eventsDir } from './config/env';
import { ensurePrivateDir } from './fs/private-dir';
import { hooksSecretProblem } from './hooks/secret';
import { siteUrlProblem } from './http/public-origin';
import { STORES } from './stores';
import { openStore } from './stores/shared';

/**
 * Replays every store into memory. The stores are memoized on globalThis, so calling this again
 * (from a page, or from another copy of this module) costs nothing.
 */
export async function bootStores(): Promise<void> {
  await Promise.all(STORES.map((definition) => openStore(definition).ready));
}

/**
 * At server start: an ADMIN_TOKEN or HOOKS_SECRET too short to be safe, a SITE_URL that is not a site's address, or a store that cannot boot (corrupt log, directory in use) stops the server.
 * Then the generated admin password, if ADMIN_PASSWORD is unset, is printed for the owner, and
 * the announcer and the fediverse's deliveries start, after replay, so that replaying the log never posts anything.
 */
export async function bootOrExit(): Promise<void> {
  const problem = adminTokenProblem() ?? hooksSecretProblem() ?? siteUrlProblem();
  if (problem) {
    console.error(`Shelf cannot start: ${problem}.`);
    process.exit(1);
  }
  try {
    // The logs and auth.json live here: readable by this user only when Shelf creates it.
    ensurePrivateDir(eventsDir());
    await bootStores();
    await prepareAdminPassword();
    await apiTokenClients().load();
  } catch (err) {
    console.error(`Shelf cannot start: ${(err as Error).message}`);
    process.exit(1);
  }
  const { startAnnouncer } = await import('./announce/start');
  startAnnouncer();
  const { startFediverse } = await import('./fediverse/start');
  startFediverse();
}
