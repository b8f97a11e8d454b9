import 'server-only';
import { announceAdminPassword } from './auth/password';

/**
 * Replays every store into memory. The stores are memoized on globalThis, so calling this again
 * (from a page, or from another copy of this module) costs nothing.
 */
export async function bootStores(): Promise<void> {
  const { readyMediaStore } = await import('./media/store');
  await Promise.all([readyMediaStore()]);
}

/**
 * At server start: a store that cannot boot (corrupt log, directory in use) stops the server; then
 * the generated admin password, if ADMIN_PASSWORD is unset, is printed for the owner.
 */
export async function bootOrExit(): Promise<void> {
  try {
    await bootStores();
  } catch (err) {
    console.error(`Shelf cannot start: ${(err as Error).message}`);
    process.exit(1);
  }
  announceAdminPassword();
}
