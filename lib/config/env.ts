import { resolve } from 'node:path';

/** Where the event logs live (`EVENTS_DIR`, default `./events`). Read at call time so tests can point it elsewhere. */
export function eventsDir(): string {
  return resolve(process.env.EVENTS_DIR || 'events');
}
