import 'server-only';
import { singleton } from '../eventstore';
import { backend } from '../eventstore/backend';
import type { Leadership } from '../eventstore/postgres/leader';
import { mediaStore } from '../media/store';
import { channelsFromEnv } from './channels/from-env';
import { createAnnouncer, type Announcer } from './consumer';
import { retryPolicyFromEnv } from './retry-policy';

/**
 * Starts the process's announcer once (memoized on globalThis), after the stores booted. Not
 * during `next build`: a build must never post anything. It runs where the backend says one
 * instance may (lib/eventstore/backend.ts: at once on files; on the elected leader on PostgreSQL,
 * where several instances share the log), its checkpoint kept by the backend too.
 */
export function startAnnouncer(): Leadership | undefined {
  if (process.env.NEXT_PHASE === 'phase-production-build') return undefined;
  return singleton('announcer', () => {
    const { clients, warnings } = channelsFromEnv(process.env);
    for (const warning of warnings) console.warn(warning);
    console.info(
      clients.length > 0
        ? `announcer: posting finished entries marked "announce" to ${clients.map((c) => c.channel).join(', ')}`
        : 'announcer: no channel configured; entries marked "announce" are noted as not sent',
    );
    let current: Announcer | undefined;
    return backend().lead('announcer', {
      onElected: () => {
        current = createAnnouncer({ store: mediaStore(), channels: clients, retry: retryPolicyFromEnv(process.env), checkpoint: backend().checkpoint('announcer') });
        current.start().catch((err: Error) => console.error(`announcer: cannot start: ${err.message}`));
      },
      onDeposed: async () => {
        await current?.stop();
        current = undefined;
      },
    });
  });
}
