import { resolve } from 'node:path';

/** Where the event logs live (`EVENTS_DIR`, default `./events`). Read at call time so tests can point it elsewhere. */
export function eventsDir(): string {
  // turbopackIgnore: a runtime path; without it the build traces the whole project into the output.
  return resolve(/*turbopackIgnore: true*/ process.env.EVENTS_DIR || 'events');
}

/**
 * How long a stopping server lets side effects in flight (a post, a delivery, a Webmention) finish
 * and record their outcome before it gives them up (`SHUTDOWN_GRACE_MS`, default 10 s).
 */
export function shutdownGraceMs(): number {
  const raw = process.env.SHUTDOWN_GRACE_MS?.trim();
  if (!raw) return 10_000;
  if (!/^\d{1,7}$/.test(raw)) throw new Error(`SHUTDOWN_GRACE_MS must be a whole number of milliseconds, not ${JSON.stringify(process.env.SHUTDOWN_GRACE_MS)}`);
  return Number(raw);
}

/**
 * How many orders each side of the orderbook keeps (`ORDERBOOK_DEPTH`, default 100). The log is
 * replayed with it, so changing it between boots changes the rebuilt book: read it once per process.
 */
export function orderbookDepth(): number {
  const raw = process.env.ORDERBOOK_DEPTH;
  if (raw === undefined || raw.trim() === '') return 100;
  const value = raw.trim();
  if (!/^[1-9]\d{0,5}$/.test(value)) {
    throw new Error(`ORDERBOOK_DEPTH must be a whole number from 1 to 999999, not ${JSON.stringify(raw)}`);
  }
  return Number(value);
}
