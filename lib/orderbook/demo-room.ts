// How much of the disk the demo may use. Its log is capped (ORDERBOOK_MAX_LOG_BYTES), and it stops
// while the disk holds less than DEMO_FLOOR_FACTOR times the owner's own free-space floor
// (MIN_FREE_BYTES), so a demo filled by strangers never takes the room the owner's logging keeps.
// Neither touches the store's write health: /healthz stays 200 and the owner's media store writes on.
import { statfs } from 'node:fs/promises';
import { eventsDir } from '../config/env';
import { DEFAULT_MIN_FREE_BYTES, FreeSpaceFloor, minFreeBytesFromEnv } from '../eventstore/free-space';
import { singleton } from '../eventstore/registry';

export const DEFAULT_MAX_LOG_BYTES = 256 * 1024 * 1024;
/** The demo stops at this many times the owner's floor (with the floor off, its default). */
export const DEMO_FLOOR_FACTOR = 4;
/**
 * Bytes an order's line takes (`{"seq":…,"id":"<uuid>","type":"OrderPlaced","at":"…","data":{…}}`,
 * about 160): the log's size where the backend does not count bytes (PostgreSQL) is its events times this.
 */
export const ORDER_LINE_BYTES = 160;

/** `ORDERBOOK_MAX_LOG_BYTES`: the demo's log cap in bytes, default 256 MiB, `0` no cap. */
export function maxLogBytesFromEnv(raw: string | undefined = process.env.ORDERBOOK_MAX_LOG_BYTES): number {
  if (raw === undefined || raw.trim() === '') return DEFAULT_MAX_LOG_BYTES;
  const n = Number(raw.trim());
  if (!Number.isSafeInteger(n) || n < 0) throw new Error(`ORDERBOOK_MAX_LOG_BYTES must be a whole number of bytes (0: no cap), not ${JSON.stringify(raw)}`);
  return n;
}

/** The free space under which the demo stops: DEMO_FLOOR_FACTOR x MIN_FREE_BYTES (its default when the floor is off). */
export function demoFloorBytes(minFreeBytes: number = minFreeBytesFromEnv()): number {
  return DEMO_FLOOR_FACTOR * (minFreeBytes > 0 ? minFreeBytes : DEFAULT_MIN_FREE_BYTES);
}

/** The demo log's size: its bytes, or its events times ORDER_LINE_BYTES where the backend counts no bytes. */
export function demoLogBytes(store: { logBytes(): number | undefined; version(): number }): number {
  return store.logBytes() ?? store.version() * ORDER_LINE_BYTES;
}

export interface DemoRoom {
  /** Why the demo takes no more orders now (a message for the visitor), or null. No I/O: free space is read at most once a second, in the background. */
  fullReason(logBytes: number | undefined): string | null;
}

export function createDemoRoom(maxLogBytes: number, floor: FreeSpaceFloor): DemoRoom {
  return {
    fullReason(logBytes) {
      if (maxLogBytes > 0 && logBytes !== undefined && logBytes >= maxLogBytes) {
        return `Demo full: the orderbook demo's log reached its cap of ${formatMiB(maxLogBytes)} (ORDERBOOK_MAX_LOG_BYTES) and takes no more orders. The rest of the site is unaffected.`;
      }
      const low = floor.refusal();
      return low ? `Demo full: the orderbook demo is paused while the disk is low on space (${low}). The rest of the site is unaffected.` : null;
    },
  };
}

const statfsFree = async (dir: string) => {
  const stats = await statfs(dir);
  return stats.bavail * stats.bsize;
};

/** The process-wide demo room, from the environment (read once: a restart applies a change). */
export const demoRoom = () =>
  singleton('orderbook:demo-room', () => {
    const dir = eventsDir();
    const floor = new FreeSpaceFloor(demoFloorBytes(), () => statfsFree(dir), `${DEMO_FLOOR_FACTOR} x MIN_FREE_BYTES for the demo`);
    return createDemoRoom(maxLogBytesFromEnv(), floor);
  });

const formatMiB = (n: number) => (n >= 1 << 20 ? `${Math.round(n / (1 << 20))} MiB` : `${n} bytes`);
