// The courier: a handler on the kernel's checkpointed processor (lib/eventstore/processor.ts)
// over the fediverse log. For each ActivityPlanned it delivers the activity to every inbox it
// goes to (each follower's server once), and records each outcome as an event (delivered, or
// failed with the reason and whether it gives up), so the admin's history shows it and a restart
// knows what is done. Exactly once in effect, as the announcer:
// - before each POST it reads the delivery's status: a delivered (or given up) one is never sent again;
// - the checkpoint passes an ActivityPlanned only once every delivery it asked for has a recorded
//   result; a stop starts no new POST and lets those in flight finish and be recorded (for
//   SHUTDOWN_GRACE_MS), and the next start sends what is not recorded yet, under the same activity
//   id (receivers keep one activity per id; docs/fediverse.md says when that happens);
// - one POST at a time per inbox, in log order (an Update never overtakes its Create), and a few
//   inboxes at once in all.
import type { EnvelopeOf, EventInput } from '../eventstore';
import { NotStarted, TrackingProcessor, type CheckpointStore } from '../eventstore/processor';
import type { MediaState } from '../media/projection';
import { backoffDelay, DEFAULT_RETRY_POLICY, realTiming, type RetryPolicy, type Timing } from '../announce/retry-policy';
import { acceptFollow, createOrUpdate, deleteEntry, type ActivityJson } from './activities';
import { DeliveryError, type SigningKey } from './deliver';
import { isPublishedEntry } from './eligibility';
import type { FediverseEvent } from './events';
import { deliveryKey, followerInboxes, type FediverseState, type PlannedActivity } from './projection';
import type { FediverseStore } from './store';

type Log = Pick<Console, 'info' | 'warn' | 'error'>;

export interface CourierOptions {
  store: FediverseStore;
  media: { snapshot(): Pick<MediaState, 'entries'> };
  checkpoint: CheckpointStore;
  /** The actor's RSA key for an origin (the key id names the actor at that origin). */
  signingKey(origin: string): Promise<SigningKey>;
  /** POSTs one activity; throws a DeliveryError when it did not arrive. */
  deliver(inbox: string, activity: ActivityJson, key: SigningKey, signal: AbortSignal): Promise<unknown>;
  /** SITE_URL's origin when set: ids then never depend on the address a follower used. */
  siteOrigin?: string;
  retry?: Partial<RetryPolicy>;
  timing?: Partial<Timing>;
  /** Deliveries in flight at once, over all inboxes. */
  concurrency?: number;
  /** How long a stop waits for the POSTs in flight (default SHUTDOWN_GRACE_MS, else 10 s). */
  stopGraceMs?: number;
  log?: Log;
}

export class Courier {
  private readonly processor: TrackingProcessor<FediverseEvent>;
  private readonly policy: RetryPolicy;
  private readonly timing: Timing;
  private readonly log: Log;
  /** The last job of each inbox: the next one chains after it. */
  private readonly lanes = new Map<string, Promise<unknown>>();
  private running = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(private readonly options: CourierOptions) {
    this.policy = { ...DEFAULT_RETRY_POLICY, ...options.retry };
    this.timing = { ...realTiming, ...options.timing };
    this.log = options.log ?? console;
    this.processor = new TrackingProcessor<FediverseEvent>({
      name: 'fediverse courier',
      source: options.store,
      checkpoint: options.checkpoint,
      handle: (event, { hold }) => this.handle(event, hold),
      sleep: (ms, signal) => this.timing.sleep(ms, signal),
      log: this.log,
      stopGraceMs: options.stopGraceMs,
    });
  }

  start = () => this.processor.start();
  /**
   * Stops: no new POST starts and waits are cut short; the POSTs in flight get the grace to finish
   * and have their outcome recorded, and those still out then are abandoned unrecorded (sent again
   * on the next start).
   */
  stop = () => this.processor.stop();
  /** Resolves once everything in the log so far is delivered or given up, and the checkpoint written (tests). */
  idle = () => this.processor.idle();

  private get stopped(): boolean {
    return this.processor.isStopped;
  }

  private async handle(event: EnvelopeOf<FediverseEvent>, hold: () => () => void): Promise<void> {
    if (event.type !== 'ActivityPlanned') return;
    const state = this.options.store.snapshot();
    const planned = state.planned.get(event.data.key);
    if (!planned) return;
    for (const { inbox, origin } of this.recipients(state, planned)) this.schedule(hold(), planned, inbox, this.options.siteOrigin ?? origin);
  }

  private recipients(state: FediverseState, planned: PlannedActivity): { inbox: string; origin: string }[] {
    if (planned.activity !== 'Accept') return followerInboxes(state);
    const follower = planned.actorId ? state.followers.get(planned.actorId) : undefined;
    return follower ? [{ inbox: follower.inbox, origin: follower.origin }] : [];
  }

  private schedule(release: () => void, planned: PlannedActivity, inbox: string, origin: string): void {
    const job = (this.lanes.get(inbox) ?? Promise.resolve())
      .then(() => this.run(planned, inbox, origin))
      .then((settled) => {
        // Unsettled (stopped, or a result that could not be recorded): the checkpoint stays before the plan.
        if (settled) release();
      });
    this.lanes.set(inbox, job);
    this.processor.track(job);
    void job.finally(() => {
      if (this.lanes.get(inbox) === job) this.lanes.delete(inbox);
    });
  }

  /** Delivers until delivered or given up with a recorded result; false if it had to stop first. */
  private async run(planned: PlannedActivity, inbox: string, origin: string): Promise<boolean> {
    try {
      return await this.attempts(planned, inbox, origin);
    } catch (err) {
      this.log.error(`fediverse courier: ${planned.key} to ${inbox} stopped on an unexpected error: ${(err as Error).stack ?? err}`);
      return false;
    }
  }

  private async attempts(planned: PlannedActivity, inbox: string, origin: string): Promise<boolean> {
    const { key } = planned;
    let resumed = false;
    for (;;) {
      if (this.stopped) return false;
      const status = this.options.store.snapshot().deliveries.get(deliveryKey(key, inbox));
      if (status?.state === 'delivered' || status?.state === 'failed') return true;
      if (!resumed && status) {
        // A failure recorded before this run (a restart): wait out its backoff first.
        resumed = true;
        if (!(await this.sleep(backoffDelay(status.attempts, this.policy, this.timing.random)))) return false;
        continue;
      }
      resumed = true;
      const attempt = (status?.attempts ?? 0) + 1;
      const activity = this.activityOf(planned, origin);
      if (typeof activity === 'string') return this.record({ type: 'DeliveryFailed', data: { key, inbox, attempt, error: activity, final: true } });
      try {
        await this.inFlight(async () => this.options.deliver(inbox, activity, await this.options.signingKey(origin), this.processor.abort.signal));
      } catch (err) {
        // Never sent (stopping), or cut off mid-POST: whether it arrived is unknown, so nothing is recorded.
        if (err instanceof NotStarted || this.processor.abort.signal.aborted) return false;
        const error = err instanceof DeliveryError ? err : new DeliveryError((err as Error).message ?? String(err), true);
        const final = !error.retryable || attempt >= this.policy.maxAttempts;
        this.log.warn(`fediverse courier: ${key} to ${inbox}, attempt ${attempt}${final ? ' (giving up)' : ''}: ${error.message}`);
        if (!(await this.record({ type: 'DeliveryFailed', data: { key, inbox, attempt, error: error.message.slice(0, 2000), final } }))) return false;
        if (final) return true;
        if (!(await this.sleep(backoffDelay(attempt, this.policy, this.timing.random)))) return false;
        continue;
      }
      return this.record({ type: 'ActivityDelivered', data: { key, inbox, attempt } });
    }
  }

  /** The activity as it must go out now, or why nothing goes (the entry is no longer public, the follower left). */
  private activityOf(planned: PlannedActivity, origin: string): ActivityJson | string {
    if (planned.activity === 'Accept') {
      const follower = planned.actorId ? this.options.store.snapshot().followers.get(planned.actorId) : undefined;
      return follower ? acceptFollow(planned.key, follower, origin) : 'not sent: they no longer follow';
    }
    if (planned.activity === 'Delete') return deleteEntry(planned.key, planned.entryId!, origin);
    const entry = this.options.media.snapshot().entries.get(planned.entryId!);
    // Never the content of an entry that became private (or was removed) since: its Delete follows.
    if (!entry || !isPublishedEntry(entry)) return 'not sent: the entry is no longer public';
    return createOrUpdate(planned.activity, planned.key, entry, origin);
  }

  /** Runs `send` once fewer than `concurrency` deliveries are in flight; never once stopping. */
  private async inFlight<T>(send: () => Promise<T>): Promise<T> {
    const limit = this.options.concurrency ?? 4;
    if (this.running >= limit) await new Promise<void>((resolve) => this.waiting.push(resolve));
    else this.running++;
    try {
      if (this.stopped) throw new NotStarted();
      return await send();
    } finally {
      const next = this.waiting.shift();
      if (next) next();
      else this.running--;
    }
  }

  private async record(event: EventInput<FediverseEvent['type'], FediverseEvent['data']>): Promise<boolean> {
    try {
      await this.options.store.dispatch(event as EventInput<FediverseEvent['type'], never>);
      return true;
    } catch (err) {
      this.log.error(`fediverse courier: could not record ${event.type} (${(err as Error).message}); it is sent again after a restart`);
      return false;
    }
  }

  private sleep(ms: number): Promise<boolean> {
    return this.processor.pause(ms, (wait, signal) => this.timing.sleep(wait, signal));
  }
}
