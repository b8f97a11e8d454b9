import 'server-only';
import { singleton } from '../eventstore';
import { backend } from '../eventstore/backend';
import type { Leadership } from '../eventstore/postgres/leader';
import { configuredOrigin } from '../http/public-origin';
import { mediaStore } from '../media/store';
import { WebmentionSender } from './sender';
import { webmentionStore } from './store';
import { WebmentionVerifier } from './verifier';

/**
 * Starts the Webmention sender and verifier once per process (memoized on globalThis), after the
 * stores booted; not during `next build`. They run where the backend says one instance may (at
 * once on files; on the elected leader on PostgreSQL), their checkpoints kept by the backend.
 */
export function startWebmentions(): Leadership | undefined {
  if (process.env.NEXT_PHASE === 'phase-production-build') return undefined;
  return singleton('webmentions', () => {
    if (!configuredOrigin()) console.info('webmention: SITE_URL is not set, so entries are not sent as Webmentions (receiving works)');
    let running: { stop(): Promise<void> }[] = [];
    return backend().lead('webmention', {
      onElected: () => {
        const sender = new WebmentionSender({ media: mediaStore(), webmentions: webmentionStore(), checkpoint: backend().checkpoint('webmention-sender'), origin: configuredOrigin() });
        const verifier = new WebmentionVerifier({ webmentions: webmentionStore(), checkpoint: backend().checkpoint('webmention-verifier') });
        running = [sender, verifier];
        for (const processor of running as (WebmentionSender | WebmentionVerifier)[]) {
          processor.start().catch((err: Error) => console.error(`webmention: cannot start: ${err.message}`));
        }
      },
      onDeposed: async () => {
        await Promise.all(running.map((r) => r.stop()));
        running = [];
      },
    });
  });
}
