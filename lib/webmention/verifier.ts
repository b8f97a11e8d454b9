// Verifying received Webmentions asynchronously: a handler on the kernel's checkpointed processor
// over the Webmention log. Each WebmentionReceived still waiting is verified once; its outcome
// (verified, removed, rejected) is an event whose id comes from the request's, so a restart that
// reads the request again neither fetches nor records twice.
import type { EnvelopeOf } from '../eventstore';
import type { CheckpointStore } from '../eventstore/processor';
import { backoffDelay, type RetryPolicy, type Timing } from '../announce/retry-policy';
import type { WebmentionEvent } from './events';
import { JobProcessor, type Log } from './job-processor';
import { pendingKey } from './projection';
import type { WebmentionStore } from './store';
import { verifySource, type Verification } from './verify';

export interface VerifierOptions {
  webmentions: WebmentionStore;
  checkpoint: CheckpointStore;
  timing?: Partial<Timing>;
  /** Tries per request when the source cannot be reached (default 3). */
  retry?: Partial<RetryPolicy>;
  log?: Log;
}

export class WebmentionVerifier extends JobProcessor<WebmentionEvent> {
  constructor(options: VerifierOptions) {
    super({ ...options, name: 'webmention verifier', source: options.webmentions, retry: { maxAttempts: 3, ...options.retry } });
  }

  protected async handle(event: EnvelopeOf<WebmentionEvent>, hold: () => () => void): Promise<void> {
    if (event.type !== 'WebmentionReceived') return;
    const { source, target, entryId } = event.data;
    // Only a request still waiting (an earlier run may have settled it before a restart).
    if (this.webmentions.snapshot().pending.get(pendingKey(source, target)) !== event.seq) return;
    this.addJob(pendingKey(source, target), hold, () => this.verify(event.id, source, target, entryId));
  }

  private async verify(requestId: string, source: string, target: string, entryId: string): Promise<boolean> {
    const id = `wm-verified-${requestId}`.slice(0, 128);
    for (let attempt = 1; ; attempt++) {
      if (this.stopped) return false;
      const result: Verification = await verifySource(source, target, this.processor.abort.signal);
      if (this.cutOff) return false;
      const known = this.webmentions.snapshot().mentions.get(entryId)?.some((m) => m.source === source) ?? false;
      if (result.outcome === 'links') return this.record({ id, type: 'MentionVerified', data: { source, target, entryId, ...result.mention } });
      if (result.outcome === 'not-linking') {
        return this.record(known ? { id, type: 'MentionRemoved', data: { source, target, entryId, reason: result.reason } } : { id, type: 'WebmentionRejected', data: { source, target, entryId, reason: result.reason } });
      }
      if (!result.retryable || attempt >= this.policy.maxAttempts) {
        // Not reachable: nothing is learnt, so a mention already shown stays.
        return this.record({ id, type: 'WebmentionRejected', data: { source, target, entryId, reason: `${result.reason}${known ? ' (the mention shown stays)' : ''}` } });
      }
      if (!(await this.sleep(backoffDelay(attempt, this.policy, this.timing.random)))) return false;
    }
  }
}
