import 'server-only';
import { join } from 'node:path';
import { singleton } from '../eventstore';
import { eventsDir } from '../config/env';
import { mediaStore } from '../media/store';
import { CHECKPOINT_FILE } from './checkpoint';
import { channelsFromEnv } from './channels/from-env';
import { createAnnouncer, type Announcer } from './consumer';
import { retryPolicyFromEnv } from './retry-policy';

/**
 * Starts the process's announcer once (memoized on globalThis), after the stores booted. Not
 * during `next build`: a build must never post anything.
 */
export function startAnnouncer(): Announcer | undefined {
  if (process.env.NEXT_PHASE === 'phase-production-build') return undefined;
  return singleton('announcer', () => {
    const { clients, warnings } = channelsFromEnv(process.env);
    for (const warning of warnings) console.warn(warning);
    console.info(
      clients.length > 0
        ? `announcer: posting finished entries marked "announce" to ${clients.map((c) => c.channel).join(', ')}`
        : 'announcer: no channel configured; entries marked "announce" are noted as not sent',
    );
    const announcer = createAnnouncer({
      store: mediaStore(),
      checkpointFile: join(eventsDir(), CHECKPOINT_FILE),
      channels: clients,
      retry: retryPolicyFromEnv(process.env),
    });
    announcer.start().catch((err: Error) => console.error(`announcer: cannot start: ${err.message}`));
    return announcer;
  });
}
