import 'server-only';
import { handleHotRequest } from './handle';

/**
 * Where the front door's server (server/front-door.mjs, plain Node, outside Next's bundles) finds
 * the hot-route handler. Installed by instrumentation.ts, i.e. by Next's own copy of lib/, after
 * the stores are booted: the handler and Next's route modules then read the same process-wide
 * stores (lib/eventstore/registry.ts).
 */
export const FRONT_DOOR_KEY = Symbol.for('shelf.front-door');

export interface FrontDoorHandler {
  handle: typeof handleHotRequest;
}

export function installFrontDoor(): void {
  (globalThis as { [FRONT_DOOR_KEY]?: FrontDoorHandler })[FRONT_DOOR_KEY] = { handle: handleHotRequest };
}
