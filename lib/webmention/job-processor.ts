// What the Webmention sender and verifier share: a checkpointed processor over a log, whose
// handler starts held jobs (lib/webmention/jobs.ts), with retries on an injectable clock, and
// outcomes recorded in the Webmention log.
import type { DomainEvent, EnvelopeOf, Store } from '../eventstore';
import { TrackingProcessor, type CheckpointStore } from '../eventstore/processor';
import { DEFAULT_RETRY_POLICY, realTiming, type RetryPolicy, type Timing } from '../announce/retry-policy';
import type { WebmentionEvent } from './events';
import { Jobs } from './jobs';
import type { WebmentionStore } from './store';

export type Log = Pick<Console, 'info' | 'warn' | 'error'>;

export interface JobProcessorOptions<E extends DomainEvent> {
  name: string;
  source: Pick<Store<unknown, E>, 'ready' | 'version' | 'read' | 'subscribe'>;
  webmentions: WebmentionStore;
  checkpoint: CheckpointStore;
  timing?: Partial<Timing>;
  retry?: Partial<RetryPolicy>;
  log?: Log;
}

export abstract class JobProcessor<E extends DomainEvent> {
  readonly processor: TrackingProcessor<E>;
  private readonly jobs: Jobs;
  protected readonly timing: Timing;
  protected readonly policy: RetryPolicy;
  protected readonly log: Log;
  protected readonly webmentions: WebmentionStore;

  constructor(options: JobProcessorOptions<E>) {
    this.timing = { ...realTiming, ...options.timing };
    this.policy = { ...DEFAULT_RETRY_POLICY, ...options.retry };
    this.log = options.log ?? console;
    this.webmentions = options.webmentions;
    this.jobs = new Jobs(4, this.log);
    this.processor = new TrackingProcessor<E>({
      name: options.name,
      source: options.source,
      checkpoint: options.checkpoint,
      handle: (event, { hold }) => this.handle(event, hold),
      sleep: (ms, signal) => this.timing.sleep(ms, signal),
      log: this.log,
    });
  }

  /** Starts jobs for an event, each with a `hold()` of its own. */
  protected abstract handle(event: EnvelopeOf<E>, hold: () => () => void): Promise<void>;

  start(): Promise<void> {
    return this.processor.start();
  }

  /**
   * Stops reading; no new request starts and waits are cut short; the requests under way get the
   * grace to finish and be recorded (lib/eventstore/processor.ts TrackingProcessor).
   */
  stop(): Promise<void> {
    return this.processor.stop();
  }

  /** Resolves once everything in the log so far is handled (tests). */
  idle(): Promise<void> {
    return this.processor.idle();
  }

  /** Starts `work` for the event being handled (held: the checkpoint passes the event once it settles with true). */
  protected addJob(key: string, hold: () => () => void, work: () => Promise<boolean>): void {
    this.processor.track(this.jobs.add(key, hold(), work));
  }

  /** Stopping: no new request may start. */
  protected get stopped(): boolean {
    return this.processor.isStopped;
  }

  /** A request cut off by the end of a stop's grace: its outcome is unknown, and it is not recorded. */
  protected get cutOff(): boolean {
    return this.processor.abort.signal.aborted;
  }

  /** Records an outcome; false (said in the log) when it cannot be, and the work is done again after a restart. */
  protected async record(event: { id: string } & WebmentionEvent): Promise<boolean> {
    try {
      await this.webmentions.dispatch(event);
      return true;
    } catch (err) {
      this.log.error(`webmention: could not record ${event.type} (${(err as Error).message}); it is tried again after a restart`);
      return false;
    }
  }

  /** Waits; false when stopped meanwhile. */
  protected async sleep(ms: number): Promise<boolean> {
    try {
      await this.timing.sleep(ms, this.processor.stopSignal);
      return !this.stopped;
    } catch {
      return false;
    }
  }
}
