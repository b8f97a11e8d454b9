import 'server-only';
import { join } from 'node:path';
import { singleton } from '../eventstore';
import { eventsDir } from '../config/env';
import { databaseCheckpoint } from '../eventstore/postgres/checkpoints';
import { sharedHub } from '../eventstore/postgres/hub';
import { runAsLeader, type Leadership } from '../eventstore/postgres/leader';
import { mediaStore } from '../media/store';
import { CHECKPOINT_FILE } from './checkpoint';
import { channelsFromEnv } from './channels/from-env';
import { createAnnouncer, type Announcer, type AnnouncerOptions } from './consumer';
import { retryPolicyFromEnv } from './retry-policy';

/**
 * Starts the process's announcer once (memoized on globalThis), after the stores booted. Not
 * during `next build`: a build must never post anything. With DATABASE_URL, several instances
 * share the log: the announcer runs only on the elected leader, its checkpoint in the database.
 */
export function startAnnouncer(): Announcer | Leadership | undefined {
  if (process.env.NEXT_PHASE === 'phase-production-build') return undefined;
  return singleton('announcer', () => {
    const { clients, warnings } = channelsFromEnv(process.env);
    for (const warning of warnings) console.warn(warning);
    console.info(
      clients.length > 0
        ? `announcer: posting finished entries marked "announce" to ${clients.map((c) => c.channel).join(', ')}`
        : 'announcer: no channel configured; entries marked "announce" are noted as not sent',
    );
    const base = { store: mediaStore(), channels: clients, retry: retryPolicyFromEnv(process.env) };
    const url = process.env.DATABASE_URL;
    if (url) return startLeaderAnnouncer(url, base);
    const announcer = createAnnouncer({ ...base, checkpointFile: join(eventsDir(), CHECKPOINT_FILE) });
    announcer.start().catch((err: Error) => console.error(`announcer: cannot start: ${err.message}`));
    return announcer;
  });
}

/** A fresh announcer each time this instance is elected; stopped when it loses the lock. */
export function startLeaderAnnouncer(url: string, base: Omit<AnnouncerOptions, 'checkpointFile' | 'checkpoint'>): Leadership {
  const hub = sharedHub(url);
  let current: Announcer | undefined;
  return runAsLeader(hub, 'announcer', {
    log: console,
    onElected: () => {
      current = createAnnouncer({ ...base, checkpoint: databaseCheckpoint(hub.sql, 'announcer') });
      current.start().catch((err: Error) => console.error(`announcer: cannot start: ${err.message}`));
    },
    onDeposed: async () => {
      await current?.stop();
      current = undefined;
    },
  });
}
