// The announcer: a checkpointed consumer of the media log. It never runs inside dispatch or
// replay. It reads events after its checkpoint by seq (a subscription only wakes it up), posts
// each newly finished public entry marked `announce` to every channel, and records each result
// as an event, so the projection says what was sent where, after any restart or replay.
//
// Exactly once in effect:
// - Before each send it reads the entry's status from the projection: a posted (or given up)
//   channel is never sent again.
// - The checkpoint only moves past an event once every send that event asked for has a recorded
//   result. A crash leaves it behind, and the next start re-reads from there: what is recorded is
//   skipped, what is not is sent again, with the same idempotency key / event id / record key.
// - One send per entry and channel at a time (a promise chain per pair).
import 'server-only';
import type { EnvelopeOf, EventInput } from '../eventstore';
import type { MediaEvent } from '../media/events';
import type { MediaStore } from '../media/store';
import { publicEntry } from '../media/selectors';
import { readCheckpoint, writeCheckpoint } from './checkpoint';
import { mayTriggerAnnouncement, NO_CHANNEL_REASON, whyNotAnnounced } from './eligibility';
import { CHANNELS, type Channel } from './events';
import { resultEventId } from './keys';
import { backoffDelay, DEFAULT_RETRY_POLICY, realTiming, type RetryPolicy, type Timing } from './retry-policy';
import { renderAnnouncement } from './template';
import { ChannelError, type ChannelClient, type Posted } from './channels/types';

type Log = Pick<Console, 'info' | 'warn' | 'error'>;

export interface AnnouncerOptions {
  store: MediaStore;
  /** The checkpoint file (`<EVENTS_DIR>/announcer.checkpoint.json`). */
  checkpointFile: string;
  channels: readonly ChannelClient[];
  timing?: Partial<Timing>;
  retry?: Partial<RetryPolicy>;
  log?: Log;
  /** Events read from the log at a time. */
  readBatch?: number;
}

export interface Announcer {
  /** Boots the checkpoint, subscribes, and starts catching up; resolves once following the log. */
  start(): Promise<void>;
  /** Stops sending: waits are cut short and sends in flight are abandoned unrecorded (resent on the next start). */
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

  /** The next seq to read. */
  private next = 1;
  /** The seq saved in the checkpoint file, and the one to save next. */
  private saved = 0;
  private wanted = 0;
  /** Events whose sends have no recorded result yet: seq -> how many. */
  private readonly outstanding = new Map<number, number>();
  /** The last send of each entry+channel pair; a new one chains after it. Resolves true once settled. */
  private readonly jobs = new Map<string, Promise<boolean>>();
  /** Pairs whose result could not be recorded: no more sends until a restart re-reads the log. */
  private readonly halted = new Set<string>();
  /** One send at a time per network: posts go out in log order, and a bulk import does not flood it. */
  private readonly lanes = new Map<Channel, Promise<unknown>>();

  private started?: Promise<void>;
  private pumping?: Promise<void>;
  private writing?: Promise<void>;
  private stopped = false;
  private readonly abort = new AbortController();
  private unsubscribe?: () => void;

  constructor(private readonly options: AnnouncerOptions) {
    this.store = options.store;
    this.clients = new Map(options.channels.map((c) => [c.channel, c]));
    this.timing = { ...realTiming, ...options.timing };
    this.policy = { ...DEFAULT_RETRY_POLICY, ...options.retry };
    this.log = options.log ?? console;
  }

  checkpoint(): number {
    return this.saved;
  }

  start(): Promise<void> {
    return (this.started ??= this.boot());
  }

  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    this.unsubscribe?.();
    this.abort.abort(new Error('the announcer stopped'));
    await this.started?.catch(() => {});
    await this.settle();
  }

  async idle(): Promise<void> {
    await this.start();
    for (;;) {
      await this.settle();
      if (this.stopped || this.next > this.store.version()) return;
      this.wake();
    }
  }

  /** Waits until no read, send or checkpoint write is under way. */
  private async settle(): Promise<void> {
    for (;;) {
      if (this.pumping) await this.pumping;
      else if (this.jobs.size > 0) await Promise.all(this.jobs.values());
      else if (this.writing) await this.writing;
      else return;
    }
  }

  // --- reading the log ------------------------------------------------------------------

  private async boot(): Promise<void> {
    await this.store.ready;
    const end = this.store.version();
    const file = this.options.checkpointFile;
    let seq = await readCheckpoint(file);
    if (seq === undefined) {
      // Added to an existing log: what is already there is history, not news.
      seq = end;
      await writeCheckpoint(file, seq);
      this.log.info(`announcer: no checkpoint yet; starting at the end of the log (seq ${end}), earlier entries are not announced`);
    } else if (seq > end) {
      this.log.warn(`announcer: ${file} is at seq ${seq} but the log ends at ${end} (a restored backup?); following from ${end}`);
      seq = end;
      await writeCheckpoint(file, seq);
    }
    this.saved = this.wanted = seq;
    this.next = seq + 1;
    if (this.stopped) return;
    // Subscribe before reading: an event appended meanwhile wakes a read that starts from `next`.
    this.unsubscribe = this.store.subscribe(() => this.wake());
    this.wake();
  }

  private wake(): void {
    if (this.stopped || this.pumping || !this.started) return;
    this.pumping = this.pump().finally(() => {
      this.pumping = undefined;
      // An event appended after the last look but before this line: go again.
      if (!this.stopped && this.next <= this.store.version()) this.wake();
    });
  }

  private async pump(): Promise<void> {
    const batch = this.options.readBatch ?? 256;
    try {
      while (!this.stopped && this.next <= this.store.version()) {
        const events = await this.store.read(this.next, Math.min(this.store.version(), this.next + batch - 1));
        for (const event of events) {
          if (this.stopped) return;
          await this.handle(event);
          this.next = event.seq + 1;
          this.advance();
        }
      }
    } catch (err) {
      // Reading the log or recording a skip failed: stay on this event and try again later.
      this.log.error(`announcer: stopped at seq ${this.next}: ${(err as Error).message}`);
      await this.timing.sleep(30_000, this.abort.signal).catch(() => {});
    }
  }

  private async handle(event: MediaEnvelope): Promise<void> {
    if (event.type === 'AnnouncementRetryRequested') {
      this.schedule(event.seq, event.data.entryId, event.data.channel);
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
      for (const channel of pending) this.schedule(event.seq, entry.id, channel);
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
    for (const channel of channels) this.schedule(event.seq, entry.id, channel);
  }

  // --- the checkpoint -------------------------------------------------------------------

  /** The checkpoint may move up to just before the oldest event that still waits for a result. */
  private advance(): void {
    let target = this.next - 1;
    for (const seq of this.outstanding.keys()) target = Math.min(target, seq - 1);
    if (target <= this.wanted) return;
    this.wanted = target;
    this.writing ??= this.writeCheckpoints().finally(() => (this.writing = undefined));
  }

  private async writeCheckpoints(): Promise<void> {
    while (this.saved < this.wanted) {
      const seq = this.wanted;
      try {
        await writeCheckpoint(this.options.checkpointFile, seq);
        this.saved = seq;
      } catch (err) {
        // Harmless but worth saying: a restart re-reads more of the log, and the projection skips what is done.
        this.log.error(`announcer: could not save the checkpoint: ${(err as Error).message}`);
        return;
      }
    }
  }

  // --- sending --------------------------------------------------------------------------

  private schedule(seq: number, entryId: string, channel: Channel): void {
    const key = `${entryId}\u0000${channel}`;
    this.outstanding.set(seq, (this.outstanding.get(seq) ?? 0) + 1);
    const job = (this.jobs.get(key) ?? Promise.resolve(true)).then(() => this.run(key, entryId, channel));
    this.jobs.set(key, job);
    void job.then((settled) => {
      if (this.jobs.get(key) === job) this.jobs.delete(key);
      // Unsettled (stopped, or the result could not be recorded): the event stays outstanding,
      // the checkpoint stays before it, and the next start handles it again.
      if (!settled) return;
      const left = this.outstanding.get(seq)! - 1;
      if (left === 0) this.outstanding.delete(seq);
      else this.outstanding.set(seq, left);
      this.advance();
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
        // Stopped mid-send: whether the network took it is unknown. Nothing is recorded, and the
        // next start sends again under the same key.
        if (this.stopped) return false;
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

  /** Runs `send` after the channel's previous send settles; not at all once stopped. */
  private inLane<T>(channel: Channel, send: () => Promise<T>): Promise<T> {
    const run = (this.lanes.get(channel) ?? Promise.resolve()).then(() => {
      this.abort.signal.throwIfAborted();
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

  private async sleep(ms: number): Promise<boolean> {
    try {
      await this.timing.sleep(ms, this.abort.signal);
      return !this.stopped;
    } catch {
      return false;
    }
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
