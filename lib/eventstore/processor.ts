// A checkpointed processor: reads a store's events after its checkpoint, hands each to a handler,
// and moves the checkpoint on. The only place side effects may start from (never dispatch or
// replay). A subscription only wakes it; it always reads the log itself, by seq.
import { shutdownGraceMs } from '../config/env';
import type { DomainEvent, EnvelopeOf, Store } from './types';

type Log = Pick<Console, 'info' | 'warn' | 'error'>;

/** Where the processor got to: the seq up to which every event is handled. */
export interface CheckpointStore {
  /** The saved seq, or undefined when there is none yet (a damaged one throws: never "start over"). */
  read(): Promise<number | undefined>;
  /** Saved durably (an atomic write). */
  write(seq: number): Promise<void>;
}

export interface HandlerContext {
  /**
   * Work started for the event being handled that must finish before the checkpoint passes it:
   * call the returned function once it is done. Work never released (a crash, a stop) keeps the
   * checkpoint before the event, and the next start handles the event again.
   */
  hold(): () => void;
}

export interface ProcessorOptions<E extends DomainEvent> {
  /** `processor`, as it appears in log messages. */
  name: string;
  source: Pick<Store<unknown, E>, 'ready' | 'version' | 'read' | 'subscribe'>;
  checkpoint: CheckpointStore;
  handle(event: EnvelopeOf<E>, context: HandlerContext): Promise<void>;
  /** Waits after a failed read or handle before trying the same event again (tests shorten it). */
  sleep?(ms: number, signal: AbortSignal): Promise<void>;
  log?: Log;
  /** Events read from the log at a time. */
  readBatch?: number;
  /** How long a stop lets tracked work in flight finish (TrackingProcessor): default SHUTDOWN_GRACE_MS, else 10 s. */
  stopGraceMs?: number;
}

const RETRY_MS = 30_000;
const defaultSleep = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => (clearTimeout(timer), reject(signal.reason)), { once: true });
  });

export class Processor<E extends DomainEvent> {
  /** The next seq to read. */
  private next = 1;
  /** The seq saved, and the one to save next. */
  private saved = 0;
  private wanted = 0;
  /** Events with work still held: seq -> how many holds. */
  private readonly held = new Map<number, number>();
  private started?: Promise<void>;
  private pumping?: Promise<void>;
  private writing?: Promise<void>;
  private stopped = false;
  private stopping?: Promise<void>;
  private unsubscribe?: () => void;
  protected readonly log: Log;
  private readonly halt = new AbortController();
  /**
   * Aborted when work in flight is given up (a stop whose grace is over): a send cut off by it has
   * an unknown outcome, is not recorded, and is done again after the next start.
   */
  readonly abort = new AbortController();

  constructor(protected readonly options: ProcessorOptions<E>) {
    this.log = options.log ?? console;
  }

  /** Aborted as soon as a stop begins: waits (backoffs, retries) end at once, and no new work may start. */
  get stopSignal(): AbortSignal {
    return this.halt.signal;
  }

  /** The seq saved in the checkpoint. */
  position(): number {
    return this.saved;
  }

  get isStopped(): boolean {
    return this.stopped;
  }

  /** Reads the checkpoint, subscribes, and starts catching up. */
  start(): Promise<void> {
    return (this.started ??= this.boot());
  }

  /** Stops reading and handling; resolves once the handler under way returned (every caller waits for the same stop). */
  stop(): Promise<void> {
    return (this.stopping ??= this.shutdown());
  }

  protected async shutdown(): Promise<void> {
    await this.halted();
    this.abort.abort(new Error(`${this.options.name} stopped`));
  }

  /** No more reads, handlers or waits; resolves once the read or handler under way is done. */
  protected async halted(): Promise<void> {
    this.stopped = true;
    this.unsubscribe?.();
    this.halt.abort(new Error(`${this.options.name} stopping`));
    await this.started?.catch(() => {});
    await this.settle();
  }

  /** Whether events after the last one read are in the log. */
  behind(): boolean {
    return !this.stopped && this.next <= this.options.source.version();
  }

  /** Waits until no read or checkpoint write is under way (held work is the handler's to wait for). */
  async settle(): Promise<void> {
    for (;;) {
      if (this.pumping) await this.pumping;
      else if (this.writing) await this.writing;
      else return;
    }
  }

  wake(): void {
    if (this.stopped || this.pumping || !this.started) return;
    this.pumping = this.pump().finally(() => {
      this.pumping = undefined;
      // An event appended after the last look but before this line: go again.
      if (this.behind()) this.wake();
    });
  }

  private async boot(): Promise<void> {
    const { source, checkpoint, name } = this.options;
    await source.ready;
    const end = source.version();
    let seq = await checkpoint.read();
    if (seq === undefined) {
      // Added to an existing log: what is already there is history, not news.
      seq = end;
      await checkpoint.write(seq);
      this.log.info(`${name}: no checkpoint yet; starting at the end of the log (seq ${end}), earlier events are not handled`);
    } else if (seq > end) {
      this.log.warn(`${name}: the checkpoint is at seq ${seq} but the log ends at ${end} (a restored backup?); following from ${end}`);
      seq = end;
      await checkpoint.write(seq);
    }
    this.saved = this.wanted = seq;
    this.next = seq + 1;
    if (this.stopped) return;
    // Subscribe before reading: an event appended meanwhile wakes a read that starts from `next`.
    this.unsubscribe = source.subscribe(() => this.wake());
    this.wake();
  }

  private async pump(): Promise<void> {
    const { source, readBatch = 256 } = this.options;
    try {
      while (this.behind()) {
        const events = await source.read(this.next, Math.min(source.version(), this.next + readBatch - 1));
        for (const event of events) {
          if (this.stopped) return;
          await this.options.handle(event, { hold: () => this.hold(event.seq) });
          this.next = event.seq + 1;
          this.advance();
        }
      }
    } catch (err) {
      // Reading the log or handling failed: stay on this event and try again later.
      this.log.error(`${this.options.name}: stopped at seq ${this.next}: ${(err as Error).message}`);
      await (this.options.sleep ?? defaultSleep)(RETRY_MS, this.halt.signal).catch(() => {});
    }
  }

  private hold(seq: number): () => void {
    this.held.set(seq, (this.held.get(seq) ?? 0) + 1);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const left = this.held.get(seq)! - 1;
      if (left === 0) this.held.delete(seq);
      else this.held.set(seq, left);
      this.advance();
    };
  }

  /** The checkpoint may move up to just before the oldest event whose work is still held. */
  private advance(): void {
    let target = this.next - 1;
    for (const seq of this.held.keys()) target = Math.min(target, seq - 1);
    if (target <= this.wanted) return;
    this.wanted = target;
    this.writing ??= this.writeCheckpoints().finally(() => (this.writing = undefined));
  }

  private async writeCheckpoints(): Promise<void> {
    while (this.saved < this.wanted) {
      const seq = this.wanted;
      try {
        await this.options.checkpoint.write(seq);
        this.saved = seq;
      } catch (err) {
        // Harmless but worth saying: a restart re-reads more of the log, and handlers skip what is done.
        this.log.error(`${this.options.name}: could not save the checkpoint: ${(err as Error).message}`);
        return;
      }
    }
  }
}

/** After the abort, how long a stop still waits for work that ignores it. */
const AFTER_ABORT_MS = 1_000;

/**
 * A processor whose handler starts work that outlives the handler (a send held until its result
 * is recorded, lib/announce, lib/fediverse, lib/webmention): `track` it, and `stop` and `idle`
 * wait for it too.
 *
 * A stop is graceful and bounded: no new work starts (`isStopped`; waits end, `stopSignal`), the
 * work in flight gets `stopGraceMs` to finish and record its outcome, and what is still running
 * then is given up (`abort`): not recorded, so done again after the next start.
 */
export class TrackingProcessor<E extends DomainEvent> extends Processor<E> {
  private readonly work = new Set<Promise<unknown>>();

  track(job: Promise<unknown>): void {
    this.work.add(job);
    void job.finally(() => this.work.delete(job));
  }

  protected override async shutdown(): Promise<void> {
    await this.halted();
    const graceMs = this.options.stopGraceMs ?? shutdownGraceMs();
    if (await within(this.settleWork(), graceMs)) return;
    this.log.warn(`${this.options.name}: ${this.work.size} send(s) still in flight after ${graceMs} ms: given up unrecorded (done again after the next start)`);
    this.abort.abort(new Error(`${this.options.name} stopped`));
    await within(this.settleWork(), AFTER_ABORT_MS);
  }

  /** Resolves once everything in the log so far is handled, its work done, and the checkpoint written (tests). */
  async idle(): Promise<void> {
    await this.start();
    for (;;) {
      await this.settleWork();
      if (!this.behind()) return;
      this.wake();
    }
  }

  /**
   * Waits `ms` (with `sleep`: the real clock, or a test's) unless a stop cuts it short: true when
   * the wait ran its course and no stop began, so a retry may go on.
   */
  async pause(ms: number, sleep: (ms: number, signal: AbortSignal) => Promise<void>): Promise<boolean> {
    try {
      await sleep(ms, this.stopSignal);
      return !this.isStopped;
    } catch {
      return false;
    }
  }

  /** Waits until no read, tracked work or checkpoint write is under way. */
  async settleWork(): Promise<void> {
    for (;;) {
      await this.settle();
      if (this.work.size === 0) return;
      await Promise.allSettled([...this.work]);
    }
  }
}

/** Work that did not start because its processor was stopping (a send not made: done after the next start). */
export class NotStarted extends Error {
  constructor() {
    super('not sent: stopping');
  }
}

/** Whether `promise` settled within `ms`. */
async function within(promise: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<false>((resolve) => (timer = setTimeout(resolve, ms, false)));
  try {
    return await Promise.race([promise.then(() => true as const), late]);
  } finally {
    clearTimeout(timer);
  }
}
