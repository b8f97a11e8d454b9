import 'server-only';

/**
 * Replays every store into memory. The stores are memoized on globalThis, so calling this again
 * (from a page, or from another copy of this module) costs nothing.
 */
export async function bootStores(): Promise<void> {
  const { readyMediaStore } = await import('./media/store');
  await Promise.all([readyMediaStore()]);
}

/**
 * At server start: a store that cannot boot (corrupt log, directory in use) stops the server.
 * Then the announcer starts, after replay, so that replaying the log never posts anything.
 */
export async function bootOrExit(): Promise<void> {
  try {
    await bootStores();
  } catch (err) {
    console.error(`Shelf cannot start: ${(err as Error).message}`);
    process.exit(1);
  }
  const { startAnnouncer } = await import('./announce/start');
  startAnnouncer();
}
