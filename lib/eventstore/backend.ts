// Where the logs live, chosen once per process at boot: JSON-lines files in EVENTS_DIR (the
// default), or PostgreSQL when DATABASE_URL is set. Everything that differs between the two is
// behind this interface: a store's log, a processor's checkpoint, which instance leads, whether
// the backend answers (for /healthz), and (through the store) the export of a log. Nothing else
// reads DATABASE_URL. The choice hangs off the process-wide registry, so every copy of this module
// (Next loads lib/ more than once) sees the same one.
import { join } from 'node:path';
import { eventsDir } from '../config/env';
import { checkpointDocument } from './checkpoint-file';
import { databaseCheckpoint } from './postgres/checkpoints';
import { sharedHub, type PgHub } from './postgres/hub';
import { runAsLeader, type Leadership, type LeaderOptions } from './postgres/leader';
import { PgLog } from './postgres/pg-log';
import type { CheckpointStore } from './processor';
import { singleton } from './registry';
import type { DomainEvent, StoreOptions, WriteHealth } from './types';

export interface Backend {
  readonly kind: 'files' | 'postgres';
  /** A store's options with this backend's log (the files backend leaves the store's own default, `<dir>/<name>.jsonl`). */
  withLog<S, E extends DomainEvent>(options: StoreOptions<S, E>): StoreOptions<S, E>;
  /** Where the processor `name` (the announcer) keeps how far it got. */
  checkpoint(name: string): CheckpointStore;
  /**
   * Runs work that one instance at a time may do (the announcer): with files at once (the
   * directory lock makes this process the only one), on PostgreSQL whenever this instance is
   * elected, stopped when it is not any more.
   */
  lead(role: string, work: Pick<LeaderOptions, 'onElected' | 'onDeposed'>): Leadership;
  /** Whether the backend answers: not while the database is away. */
  health(): WriteHealth;
}

/** The backend of this process, chosen at the first call (the server's boot) from the environment. */
export function backend(): Backend {
  return singleton('backend', () => chooseBackend(process.env));
}

export function chooseBackend(env: NodeJS.ProcessEnv): Backend {
  const url = env.DATABASE_URL?.trim();
  return url ? postgresBackend(sharedHub(url)) : filesBackend(() => eventsDir());
}

const HEALTHY: WriteHealth = { ok: true };

export function filesBackend(dir: () => string): Backend {
  return {
    kind: 'files',
    withLog: (options) => options,
    checkpoint: (name) => checkpointDocument(join(dir(), `${name}.checkpoint.json`)),
    lead(role, work) {
      let leading = true;
      Promise.resolve(work.onElected()).catch((err) => console.error(`${role}: cannot start: ${(err as Error).message}`));
      return {
        isLeader: () => leading,
        async stop() {
          if (!leading) return;
          leading = false;
          await work.onDeposed();
        },
      };
    },
    health: () => HEALTHY,
  };
}

export function postgresBackend(hub: PgHub): Backend {
  return {
    kind: 'postgres',
    withLog: (options) => (options.log ? options : { ...options, log: (codec) => new PgLog(codec, hub) }),
    checkpoint: (name) => databaseCheckpoint(hub.sql, name),
    lead: (role, work) => runAsLeader(hub, role, { ...work, log: console }),
    health: () => hub.health(),
  };
}
