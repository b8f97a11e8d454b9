import 'server-only';
import { singleton } from '../eventstore';
import { closeAllEventStreams } from './event-stream';

/**
 * Next's graceful shutdown (SIGTERM/SIGINT) waits for open responses, and an event stream never
 * ends by itself: so on those signals the open streams are ended, and from then on a reconnecting
 * browser (which may come back on a kept-alive connection) is told to retry later and the
 * connection closed. Next's own handlers still do the exit. Registered once per process.
 */
const state = () =>
  singleton('live:shutdown', () => {
    const s = { shuttingDown: false };
    for (const signal of ['SIGTERM', 'SIGINT'] as const) {
      process.on(signal, () => {
        s.shuttingDown = true;
        closeAllEventStreams();
      });
    }
    return s;
  });

/** Call before opening a stream: installs the signal handlers, and says whether the server is going down. */
export const isShuttingDown = () => state().shuttingDown;
