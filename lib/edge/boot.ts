import 'server-only';
import { startAnnouncer } from '../announce/start';
import { adminTokenProblem, apiTokenClients } from '../auth/api-token';
import { prepareAdminPassword } from '../auth/password';
import { eventsDir, shutdownGraceMs } from '../config/env';
import { backend } from '../eventstore/backend';
import type { Leadership } from '../eventstore/postgres/leader';
import { openStore } from '../eventstore/open-store';
import { singleton } from '../eventstore/registry';
import { startFediverse } from '../fediverse/start';
import { ensurePrivateDir } from '../fs/private-dir';
import { hooksSecretProblem } from '../hooks/secret';
import { siteUrlProblem } from '../http/public-origin';
import { readSettings } from '../settings/store';
import { STORES } from '../stores';
import { startWebmentions } from '../webmention/start';

/**
 * Brings the server up, once per process (memoized on the registry, so Next's instrumentation, a
 * second copy of this module, finds it done): an ADMIN_TOKEN or HOOKS_SECRET too short to be safe
 * or a SITE_URL that is not a site's address stops it; the events directory is made private when Shelf creates
 * it; the backend is chosen; every store is replayed (a store that cannot boot, a corrupt log or a
 * directory in use, stops it); the settings' revision is read (kept answers' versions need it);
 * the admin password is prepared (generated and printed once when ADMIN_PASSWORD is unset) and the
 * API token's known clients loaded; then the announcer, the fediverse's deliveries and the
 * Webmention sender and verifier start, after replay, so that replaying the log never posts anything.
 */
export function bootServer(): Promise<void> {
  return singleton('server-boot', async () => {
    const problem = adminTokenProblem() ?? hooksSecretProblem() ?? siteUrlProblem();
    if (problem) throw new Error(problem);
    shutdownGraceMs(); // a SHUTDOWN_GRACE_MS that is no number stops the start, not the stop
    // The logs and auth.json live here: readable by this user only when Shelf creates it.
    ensurePrivateDir(eventsDir());
    backend();
    await Promise.all(STORES.map((definition) => openStore(definition).ready));
    await readSettings();
    await prepareAdminPassword();
    await apiTokenClients().load();
    processors().push(...[startAnnouncer(), startFediverse(), startWebmentions()].filter((p) => p !== undefined));
  });
}

/** What bootServer started that does side effects: each stops (and steps down as leader) at shutdown. */
const processors = () => singleton('server-processors', () => [] as Leadership[]);

/**
 * Stops every processor bootServer started, all at once: none starts a new send, the sends in
 * flight get SHUTDOWN_GRACE_MS to finish and have their outcome recorded, the rest is given up
 * unrecorded (sent again after the next start); a leader on PostgreSQL steps down.
 */
export async function stopServer(): Promise<void> {
  const running = processors().splice(0);
  const results = await Promise.allSettled(running.map((leadership) => leadership.stop()));
  for (const result of results) if (result.status === 'rejected') console.error(`Shelf: a processor did not stop cleanly: ${(result.reason as Error).message}`);
}

/** bootServer, or the process ends with the reason (a server that cannot serve its logs must not listen). */
export async function bootOrExit(): Promise<void> {
  try {
    await bootServer();
  } catch (err) {
    console.error(`Shelf cannot start: ${(err as Error).message}.`);
    process.exit(1);
  }
}
