// The announcer: a handler on the kernel's checkpointed processor (lib/eventstore/processor.ts)
// over the media log. It never runs inside dispatch or replay. It posts each newly finished public
// entry marked `announce` to every channel, and records each result as an event, so the
// projection says what was sent where, after any restart or replay.
//
// Exactly once in effect:
// - Before each send it reads the entry's status from the projection: a posted (or given up)
//   channel is never sent again.
// - The checkpoint only moves past an event once every send that event asked for has a recorded
//   result. A crash leaves it behind, and the next start re-reads from there: what is recorded is
//   skipped, what is not is sent again, with the same idempotency key / event id / record key.
// - A stop starts no new send and lets those in flight finish and be recorded (SHUTDOWN_GRACE_MS).
// - One send per entry and channel at a time (a promise chain per pair).
import 'server-only';
import type { EnvelopeOf, EventInput } from '../eventstore';
import { NotStarted, TrackingProcessor } from '../eventstore/processor';
import type { MediaEvent } from '../media/events';
import type { MediaStore } from '../media/store';
import { publicEntry } from '../media/selectors';
import type { CheckpointStore } from '../eventstore/processor';
import { checkpointDocument } from './checkpoint';
import { mayTriggerAnnouncement, NO_CHANNEL_REASON, whyNotAnnounced } from './eligibility';
import { CHANNELS, type Channel } from './events';
import { resultEventId } from './keys';
import { backoffDelay, DEFAULT_RETRY_POLICY, realTiming, type RetryPolicy, type Timing } from './retry-policy';
import { renderAnnouncement } from './template';
import { ChannelError, type ChannelClient, type Posted } from './channels/types';

type Log = Pick<Console, 'info' | 'warn' | 'error'>;

export interface AnnouncerOptions {
  store: MediaStore;
  /** The checkpoint file (`<EVENTS_DIR>/announcer.checkpoint.json`), or `checkpoint`. */
  checkpointFile?: string;
  /** Where the checkpoint is kept instead of a file (the database, with DATABASE_URL). */
  checkpoint?: CheckpointStore;
  channels: readonly ChannelClient[];
  timing?: Partial<Timing>;
  retry?: Partial<RetryPolicy>;
  log?: Log;
  /** Events read from the log at a time. */
  readBatch?: number;
  /** How long a stop waits for the sends in flight (default SHUTDOWN_GRACE_MS, else 10 s). */
  stopGraceMs?: number;
}

export interface Announcer {
  /** Boots the checkpoint, subscribes, and starts catching up; resolves once following the log. */
  start(): Promise<void>;
  /**
   * Stops sending: no new send starts and waits are cut short; sends in flight get the grace to
   * finish and be recorded, and those still out then are abandoned unrecorded (resent on the next start).
   */
  stop(): Promise<void>;
  /** Resolves once everything in the log so far is handled and the checkpoint is written (tests). */
  idle(): Promise<void>;
  /** The seq saved in the checkpoint file. */
  checkpoint(): number;
}

export function createAnnouncer(options: AnnouncerOptions): Announcer {
  return new Consumer(options);
}

type MediaEnvelope = EnvelopeOf<MediaEvent>;

class Consumer implements Announcer {
  private readonly store: MediaStore;
  private readonly clients: Map<Channel, ChannelClient>;
  private readonly timing: Timing;
  private readonly policy: RetryPolicy;
  private readonly log: Log;
  private readonly processor: TrackingProcessor<MediaEvent>;
  private readonly abort: AbortController;

  /** The last send of each entry+channel pair; a new one chains after it. Resolves true once settled. */
  private readonly jobs = new Map<string, Promise<boolean>>();
  /** Pairs whose result could not be recorded: no more sends until a restart re-reads the log. */
  private readonly halted = new Set<string>();
  /** One send at a time per network: posts go out in log order, and a bulk import does not flood it. */
  private readonly lanes = new Map<Channel, Promise<unknown>>();

  constructor(options: AnnouncerOptions) {
    this.store = options.store;
    this.clients = new Map(options.channels.map((c) => [c.channel, c]));
    this.timing = { ...realTiming, ...options.timing };
    this.policy = { ...DEFAULT_RETRY_POLICY, ...options.retry };
    this.log = options.log ?? console;
    this.processor = new TrackingProcessor<MediaEvent>({
      name: 'announcer',
      source: this.store,
      checkpoint: options.checkpoint ?? checkpointDocument(options.checkpointFile ?? required('checkpointFile or checkpoint')),
      handle: (event, { hold }) => this.handle(event, hold),
      sleep: (ms, signal) => this.timing.sleep(ms, signal),
      log: this.log,
      readBatch: options.readBatch,
      stopGraceMs: options.stopGraceMs,
    });
    this.abort = this.processor.abort;
  }

  private get stopped(): boolean {
    return this.processor.isStopped;
  }

  checkpoint(): number {
    return this.processor.position();
  }

  start(): Promise<void> {
    return this.processor.start();
  }

  stop(): Promise<void> {
    return this.processor.stop();
  }

  idle(): Promise<void> {
    return this.processor.idle();
  }

  private async handle(event: MediaEnvelope, hold: () => () => void): Promise<void> {
    const schedule = (entryId: string, channel: Channel) => this.schedule(hold(), entryId, channel);
    if (event.type === 'AnnouncementRetryRequested') {
      schedule(event.data.entryId, event.data.channel);
      return;
    }
    // News is an entry becoming finished, public and announced (eligibility.ts has the rule);
    // an entry already announced is not sent again (each send checks the recorded result first).
    if (!mayTriggerAnnouncement(event)) return;
    const entry = this.store.snapshot().entries.get(event.data.entryId);
    if (!entry) return;
    // Retries left pending by an earlier run always get an answer: a post, or why not (the entry
    // was removed meanwhile, or the channel is no longer configured).
    const pending = CHANNELS.filter((channel) => entry.announcements[channel]?.state === 'retrying');
    // Skipped once (no channel then) stays skipped, even if channels were added since.
    if (whyNotAnnounced(entry) || entry.announceNote !== undefined) {
      for (const channel of pending) schedule(entry.id, channel);
      return;
    }
    const channels = new Set<Channel>([...this.clients.keys(), ...pending]);
    if (channels.size === 0) {
      await this.store.dispatch({
        id: resultEventId(entry.id, 'none', 'skipped'),
        type: 'AnnouncementSkipped',
        data: { entryId: entry.id, reason: NO_CHANNEL_REASON },
      });
      return;
    }
    for (const channel of channels) schedule(entry.id, channel);
  }

  // --- sending --------------------------------------------------------------------------

  /** `release` lets the checkpoint pass the event that asked for this send. */
  private schedule(release: () => void, entryId: string, channel: Channel): void {
    const key = `${entryId}\u0000${channel}`;
    const job = (this.jobs.get(key) ?? Promise.resolve(true)).then(() => this.run(key, entryId, channel));
    this.jobs.set(key, job);
    this.processor.track(job);
    void job.then((settled) => {
      if (this.jobs.get(key) === job) this.jobs.delete(key);
      // Unsettled (stopped, or the result could not be recorded): the event stays held, the
      // checkpoint stays before it, and the next start handles it again.
      if (settled) release();
    });
  }

  /** Sends until the pair is posted or given up, with a recorded result; false if it had to stop first. */
  private async run(key: string, entryId: string, channel: Channel): Promise<boolean> {
    try {
      return await this.attempts(key, entryId, channel);
    } catch (err) {
      this.log.error(`announcer: ${channel} for ${entryId} stopped on an unexpected error: ${(err as Error).stack ?? err}`);
      this.halted.add(key);
      return false;
    }
  }

  private async attempts(key: string, entryId: string, channel: Channel): Promise<boolean> {
    const client = this.clients.get(channel);
    let resumed = false;
    for (;;) {
      if (this.stopped || this.halted.has(key)) return false;
      const entry = this.store.snapshot().entries.get(entryId);
      if (!entry) return true;
      const status = entry.announcements[channel];
      if (status?.state === 'posted' || status?.state === 'failed') return true;

      const reason = whyNotAnnounced(entry) ?? (client ? undefined : `not sent: ${channel} is not configured`);
      if (reason || !client) {
        // A pending retry gets a final answer, so the admin sees why nothing was sent.
        if (!status) return true;
        return this.record(key, failedEvent(entryId, channel, status.attempts, reason ?? 'not sent', true));
      }

      const roundStart = status?.retriedAfter ?? 0;
      if (!resumed && status && status.attempts > roundStart) {
        // A failure recorded before this run (a restart): wait out its backoff first. An admin's retry goes at once.
        resumed = true;
        if (!(await this.sleep(backoffDelay(status.attempts - roundStart, this.policy, this.timing.random)))) return false;
        continue;
      }
      resumed = true;

      const attempt = (status?.attempts ?? 0) + 1;
      const announcement = {
        entryId,
        channel,
        loggedAt: entry.loggedAt,
        text: renderAnnouncement(channel, entry),
        entry: publicEntry(entry),
      };
      let posted: Posted;
      try {
        posted = await untilAborted(this.inLane(channel, () => client.send(announcement, this.abort.signal)), this.abort.signal);
      } catch (err) {
        // Never sent (stopping), or cut off mid-send: whether the network took it is unknown.
        // Nothing is recorded, and the next start sends again under the same key.
        if (err instanceof NotStarted || this.abort.signal.aborted) return false;
        const error = err instanceof ChannelError ? err : new ChannelError(`${channel}: ${(err as Error).message ?? err}`, { retryable: true, cause: err });
        const final = !error.retryable || attempt >= roundStart + this.policy.maxAttempts;
        this.log.warn(`announcer: ${channel} attempt ${attempt} for ${entryId} failed${final ? ' (giving up)' : ''}: ${error.message}`);
        if (!(await this.record(key, failedEvent(entryId, channel, attempt, error.message, final)))) return false;
        if (final) return true;
        const delay = error.retryAfterMs ?? backoffDelay(attempt - roundStart, this.policy, this.timing.random);
        if (!(await this.sleep(delay))) return false;
        continue;
      }
      const data = { entryId, channel, postId: posted.postId.slice(0, 512), attempt, ...(posted.url ? { url: posted.url.slice(0, 2000) } : {}) };
      return this.record(key, { id: resultEventId(entryId, channel, 'posted'), type: 'AnnouncementPosted', data });
    }
  }

  /** Runs `send` after the channel's previous send settles; not at all once stopping. */
  private inLane<T>(channel: Channel, send: () => Promise<T>): Promise<T> {
    const run = (this.lanes.get(channel) ?? Promise.resolve()).then(() => {
      if (this.stopped) throw new NotStarted();
      return send();
    });
    this.lanes.set(channel, run.catch(() => {}));
    return run;
  }

  /** Appends a result; if that fails, this pair sends nothing more until a restart (which resends under the same key). */
  private async record(key: string, event: EventInput<MediaEvent['type'], MediaEvent['data']>): Promise<boolean> {
    try {
      await this.store.dispatch(event as EventInput<MediaEvent['type'], never>);
      return true;
    } catch (err) {
      this.halted.add(key);
      this.log.error(
        `announcer: could not record ${event.type} (${(err as Error).message}); ` +
          'nothing more is sent for it until a restart, which sends again under the same key',
      );
      return false;
    }
  }

  private sleep(ms: number): Promise<boolean> {
    return this.processor.pause(ms, (wait, signal) => this.timing.sleep(wait, signal));
  }
}

/** A failure has no fixed id: the same attempt number can fail again after an admin's retry. */
function failedEvent(entryId: string, channel: Channel, attempt: number, error: string, final: boolean) {
  return {
    type: 'AnnouncementFailed' as const,
    data: { entryId, channel, attempt: Math.max(1, attempt), error: error.slice(0, 2000), final },
  };
}

/** `promise`, or a rejection as soon as `signal` aborts (a client that cannot be cancelled is abandoned). */
function untilAborted<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (err) => {
        signal.removeEventListener('abort', onAbort);
        reject(err);
      },
    );
  });
}

function required(what: string): never {
  throw new Error(`the announcer needs ${what}`);
}
