import 'server-only';
import { startAnnouncer } from '../announce/start';
import { startFediverse } from '../fediverse/start';
import { adminTokenProblem } from '../auth/api-token';
import { announceAdminPassword } from '../auth/password';
import { backend } from '../eventstore/backend';
import { openStore } from '../eventstore/open-store';
import { singleton } from '../eventstore/registry';
import { readSettings } from '../settings/store';
import { STORES } from '../stores';

/**
 * Brings the server up, once per process (memoized on the registry, so Next's instrumentation, a
 * second copy of this module, finds it done): an ADMIN_TOKEN too short to be safe stops it; the
 * backend is chosen; every store is replayed (a store that cannot boot, a corrupt log or a
 * directory in use, stops it); the settings' revision is read (kept answers' versions need it);
 * then the generated admin password, if ADMIN_PASSWORD is unset, is printed, and the announcer and
 * the fediverse's deliveries start, after replay, so that replaying the log never posts anything.
 */
export function bootServer(): Promise<void> {
  return singleton('server-boot', async () => {
    const problem = adminTokenProblem();
    if (problem) throw new Error(problem);
    backend();
    await Promise.all(STORES.map((definition) => openStore(definition).ready));
    await readSettings();
    announceAdminPassword();
    startAnnouncer();
    startFediverse();
  });
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
