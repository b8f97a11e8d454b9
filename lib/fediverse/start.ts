import 'server-only';
// Starts the fediverse's side effects once per process, after the stores booted (never during
// `next build`): the planner (media log -> planned activities) and the courier (planned
// activities -> deliveries). With DATABASE_URL both run only on the elected leader, with their
// checkpoints in the database, so several instances on one database deliver once.
import { join } from 'node:path';
import { checkpointDocument } from '../announce/checkpoint';
import { retryPolicyFromEnv } from '../announce/retry-policy';
import { eventsDir } from '../config/env';
import { singleton } from '../eventstore';
import type { CheckpointStore, Processor } from '../eventstore/processor';
import { databaseCheckpoint } from '../eventstore/postgres/checkpoints';
import { sharedHub } from '../eventstore/postgres/hub';
import { runAsLeader, type Leadership } from '../eventstore/postgres/leader';
import { configuredOrigin } from '../http/public-origin';
import type { MediaEvent } from '../media/events';
import { readyMediaStore } from '../media/store';
import { Courier } from './courier';
import { deliver, type SigningKey } from './deliver';
import { federation } from './federation';
import { createPlanner } from './planner';
import { readyFediverseStore } from './store';
import { ACTOR_IDENTIFIER } from './urls';

export const PLANNER_CHECKPOINT = 'fediverse-planner.checkpoint.json';
export const COURIER_CHECKPOINT = 'fediverse-courier.checkpoint.json';

interface Running {
  planner: Processor<MediaEvent>;
  courier: Courier;
}

/** The actor's RSA key (HTTP Signatures) with its key id at `origin`. */
async function signingKey(origin: string): Promise<SigningKey> {
  const pairs = await (await federation()).createContext(new URL(origin), undefined).getActorKeyPairs(ACTOR_IDENTIFIER);
  const rsa = pairs.find((p) => p.privateKey.algorithm.name === 'RSASSA-PKCS1-v1_5');
  if (!rsa) throw new Error('the actor has no RSA key');
  return { keyId: rsa.keyId, privateKey: rsa.privateKey };
}

async function startBoth(checkpoint: (name: string) => CheckpointStore): Promise<Running> {
  const [media, store] = await Promise.all([readyMediaStore(), readyFediverseStore()]);
  const planner = createPlanner({ media, store, checkpoint: checkpoint('fediverse-planner') });
  const courier = new Courier({
    store,
    media,
    checkpoint: checkpoint('fediverse-courier'),
    signingKey,
    deliver,
    siteOrigin: configuredOrigin(),
    retry: retryPolicyFromEnv(process.env, console.warn, 'FEDIVERSE'),
  });
  await Promise.all([planner.start(), courier.start()]);
  return { planner, courier };
}

const stopBoth = async (running: Running | undefined) => {
  await Promise.all([running?.planner.stop(), running?.courier.stop()]);
};

export function startFediverse(): Promise<Running | undefined> | Leadership | undefined {
  if (process.env.NEXT_PHASE === 'phase-production-build') return undefined;
  return singleton('fediverse:processors', () => {
    const url = process.env.DATABASE_URL;
    if (!url) {
      const files = (name: string) => checkpointDocument(join(eventsDir(), name === 'fediverse-planner' ? PLANNER_CHECKPOINT : COURIER_CHECKPOINT));
      const started = startBoth(files);
      started.catch((err: Error) => console.error(`fediverse: cannot start deliveries: ${err.message}`));
      return started;
    }
    const hub = sharedHub(url);
    let current: Promise<Running> | undefined;
    return runAsLeader(hub, 'fediverse', {
      log: console,
      onElected: () => {
        current = startBoth((name) => databaseCheckpoint(hub.sql, name));
        current.catch((err: Error) => console.error(`fediverse: cannot start deliveries: ${err.message}`));
      },
      onDeposed: async () => {
        const running = await current?.catch(() => undefined);
        current = undefined;
        await stopBoth(running);
      },
    });
  });
}
