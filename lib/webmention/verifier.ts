// Verifying received Webmentions asynchronously: a handler on the kernel's checkpointed processor
// over the Webmention log. Each WebmentionReceived still waiting is verified once; its outcome
// (verified, removed, rejected) is an event whose id comes from the request's, so a restart that
// reads the request again neither fetches nor records twice.
import type { EnvelopeOf } from '../eventstore';
import { Processor, type CheckpointStore } from '../eventstore/processor';
import { backoffDelay, DEFAULT_RETRY_POLICY, realTiming, type RetryPolicy, type Timing } from '../announce/retry-policy';
import type { WebmentionEvent } from './events';
import { Jobs } from './jobs';
import { pendingKey } from './projection';
import type { WebmentionStore } from './store';
import { verifySource, type Verification } from './verify';

type Log = Pick<Console, 'info' | 'warn' | 'error'>;

export interface VerifierOptions {
  webmentions: WebmentionStore;
  checkpoint: CheckpointStore;
  timing?: Partial<Timing>;
  /** Tries per request when the source cannot be reached (default 3). */
  retry?: Partial<RetryPolicy>;
  log?: Log;
  verify?: typeof verifySource;
}

export class WebmentionVerifier {
  readonly processor: Processor<WebmentionEvent>;
  private readonly jobs: Jobs;
  private readonly timing: Timing;
  private readonly policy: RetryPolicy;
  private readonly log: Log;

  constructor(private readonly options: VerifierOptions) {
    this.timing = { ...realTiming, ...options.timing };
    this.policy = { ...DEFAULT_RETRY_POLICY, maxAttempts: 3, ...options.retry };
    this.log = options.log ?? console;
    this.jobs = new Jobs(4, this.log);
    this.processor = new Processor<WebmentionEvent>({
      name: 'webmention verifier',
      source: options.webmentions,
      checkpoint: options.checkpoint,
      handle: (event, { hold }) => this.handle(event, hold),
      sleep: (ms, signal) => this.timing.sleep(ms, signal),
      log: this.log,
    });
  }

  start(): Promise<void> {
    return this.processor.start();
  }

  async stop(): Promise<void> {
    await this.processor.stop();
    await this.jobs.settle();
  }

  async idle(): Promise<void> {
    await this.start();
    for (;;) {
      await this.processor.settle();
      await this.jobs.settle();
      if (!this.processor.behind()) return;
      this.processor.wake();
    }
  }

  private async handle(event: EnvelopeOf<WebmentionEvent>, hold: () => () => void): Promise<void> {
    if (event.type !== 'WebmentionReceived') return;
    const { source, target, entryId } = event.data;
    // Only a request still waiting (an earlier run may have settled it before a restart).
    if (this.options.webmentions.snapshot().pending.get(pendingKey(source, target)) !== event.seq) return;
    this.jobs.add(pendingKey(source, target), hold(), () => this.verify(event.id, source, target, entryId));
  }

  private async verify(requestId: string, source: string, target: string, entryId: string): Promise<boolean> {
    const id = `wm-verified-${requestId}`.slice(0, 128);
    for (let attempt = 1; ; attempt++) {
      if (this.processor.isStopped) return false;
      const result: Verification = await (this.options.verify ?? verifySource)(source, target, this.processor.abort.signal);
      if (this.processor.isStopped) return false;
      const known = this.options.webmentions.snapshot().mentions.get(entryId)?.some((m) => m.source === source) ?? false;
      if (result.outcome === 'links') return this.record({ id, type: 'MentionVerified', data: { source, target, entryId, ...result.mention } });
      if (result.outcome === 'not-linking') {
        return this.record(known ? { id, type: 'MentionRemoved', data: { source, target, entryId, reason: result.reason } } : { id, type: 'WebmentionRejected', data: { source, target, entryId, reason: result.reason } });
      }
      if (!result.retryable || attempt >= this.policy.maxAttempts) {
        // Not reachable: nothing is learnt, so a mention already shown stays.
        return this.record({ id, type: 'WebmentionRejected', data: { source, target, entryId, reason: `${result.reason}${known ? ' (the mention shown stays)' : ''}` } });
      }
      try {
        await this.timing.sleep(backoffDelay(attempt, this.policy, this.timing.random), this.processor.abort.signal);
      } catch {
        return false;
      }
    }
  }

  private async record(event: { id: string } & WebmentionEvent): Promise<boolean> {
    try {
      await this.options.webmentions.dispatch(event);
      return true;
    } catch (err) {
      this.log.error(`webmention: could not record ${event.type} (${(err as Error).message}); it is verified again after a restart`);
      return false;
    }
  }
}
