import 'server-only';
// Starts the fediverse's side effects once per process, after the stores booted (never during
// `next build`): the planner (media log -> planned activities) and the courier (planned
// activities -> deliveries). They run where the backend says one instance may (at once on files;
// on the elected leader on PostgreSQL, so several instances on one database deliver once), with
// their checkpoints kept by the backend (`fediverse-planner.checkpoint.json` and
// `fediverse-courier.checkpoint.json` on files, rows of `shelf_checkpoints` on PostgreSQL).
import { retryPolicyFromEnv } from '../announce/retry-policy';
import { singleton } from '../eventstore';
import { backend } from '../eventstore/backend';
import type { Processor } from '../eventstore/processor';
import type { Leadership } from '../eventstore/postgres/leader';
import { configuredOrigin } from '../http/public-origin';
import type { MediaEvent } from '../media/events';
import { readyMediaStore } from '../media/store';
import { Courier } from './courier';
import { deliver, type SigningKey } from './deliver';
import { federation } from './federation';
import { createPlanner } from './planner';
import { readyFediverseStore } from './store';
import { ACTOR_IDENTIFIER } from './urls';

/** The processors' names: their checkpoints' (and, on files, `<name>.checkpoint.json`). */
export const PLANNER = 'fediverse-planner';
export const COURIER = 'fediverse-courier';

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

async function startBoth(): Promise<Running> {
  const [media, store] = await Promise.all([readyMediaStore(), readyFediverseStore()]);
  const planner = createPlanner({ media, store, checkpoint: backend().checkpoint(PLANNER) });
  const courier = new Courier({
    store,
    media,
    checkpoint: backend().checkpoint(COURIER),
    signingKey,
    deliver,
    siteOrigin: configuredOrigin(),
    retry: retryPolicyFromEnv(process.env, console.warn, 'FEDIVERSE'),
  });
  await Promise.all([planner.start(), courier.start()]);
  return { planner, courier };
}

export function startFediverse(): Leadership | undefined {
  if (process.env.NEXT_PHASE === 'phase-production-build') return undefined;
  return singleton('fediverse:processors', () => {
    let current: Promise<Running> | undefined;
    return backend().lead('fediverse', {
      onElected: () => {
        current = startBoth();
        current.catch((err: Error) => console.error(`fediverse: cannot start deliveries: ${err.message}`));
      },
      onDeposed: async () => {
        const running = await current?.catch(() => undefined);
        current = undefined;
        await Promise.all([running?.planner.stop(), running?.courier.stop()]);
      },
    });
  });
}
