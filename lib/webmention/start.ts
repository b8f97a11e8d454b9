import 'server-only';
import { join } from 'node:path';
import { checkpointDocument } from '../announce/checkpoint';
import { eventsDir } from '../config/env';
import { singleton } from '../eventstore';
import type { CheckpointStore } from '../eventstore/processor';
import { databaseCheckpoint } from '../eventstore/postgres/checkpoints';
import { sharedHub } from '../eventstore/postgres/hub';
import { runAsLeader } from '../eventstore/postgres/leader';
import { configuredOrigin } from '../http/public-origin';
import { mediaStore } from '../media/store';
import { WebmentionSender } from './sender';
import { webmentionStore } from './store';
import { WebmentionVerifier } from './verifier';

export const SENDER_CHECKPOINT = 'webmention-sender.checkpoint.json';
export const VERIFIER_CHECKPOINT = 'webmention-verifier.checkpoint.json';

interface Running {
  stop(): Promise<void>;
}

/**
 * Starts the Webmention sender and verifier once per process (memoized on globalThis), after the
 * stores booted; not during `next build`. With DATABASE_URL they run on the elected leader only,
 * their checkpoints in the database, like the announcer.
 */
export function startWebmentions(): void {
  if (process.env.NEXT_PHASE === 'phase-production-build') return;
  singleton('webmentions', () => {
    const url = process.env.DATABASE_URL;
    const make = (checkpoint: (name: string, file: string) => CheckpointStore): Running[] => {
      const sender = new WebmentionSender({
        media: mediaStore(),
        webmentions: webmentionStore(),
        checkpoint: checkpoint('webmention-sender', SENDER_CHECKPOINT),
        origin: configuredOrigin(),
      });
      const verifier = new WebmentionVerifier({ webmentions: webmentionStore(), checkpoint: checkpoint('webmention-verifier', VERIFIER_CHECKPOINT) });
      for (const processor of [sender, verifier]) processor.start().catch((err: Error) => console.error(`webmention: cannot start: ${err.message}`));
      if (!configuredOrigin()) console.info('webmention: SITE_URL is not set, so entries are not sent as Webmentions (receiving works)');
      return [sender, verifier];
    };
    if (!url) return make((_, file) => checkpointDocument(join(eventsDir(), file)));
    const hub = sharedHub(url);
    let running: Running[] = [];
    return runAsLeader(hub, 'webmention', {
      log: console,
      onElected: () => {
        running = make((name) => databaseCheckpoint(hub.sql, name));
      },
      onDeposed: async () => {
        await Promise.all(running.map((r) => r.stop()));
        running = [];
      },
    });
  });
}
