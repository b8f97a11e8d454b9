// A checkpointed processor: reads a store's events after its checkpoint, hands each to a handler,
// and moves the checkpoint on. The only place side effects may start from (never dispatch or
// replay). A subscription only wakes it; it always reads the log itself, by seq.
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
  private unsubscribe?: () => void;
  private readonly log: Log;
  readonly abort = new AbortController();

  constructor(private readonly options: ProcessorOptions<E>) {
    this.log = options.log ?? console;
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

  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    this.unsubscribe?.();
    this.abort.abort(new Error(`${this.options.name} stopped`));
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
      await (this.options.sleep ?? defaultSleep)(RETRY_MS, this.abort.signal).catch(() => {});
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

/**
 * A processor whose handler starts work that outlives the handler (a send held until its result
 * is recorded, lib/announce and lib/fediverse): `track` it, and `stop` and `idle` wait for it too.
 */
export class TrackingProcessor<E extends DomainEvent> extends Processor<E> {
  private readonly work = new Set<Promise<unknown>>();

  track(job: Promise<unknown>): void {
    this.work.add(job);
    void job.finally(() => this.work.delete(job));
  }

  /** Stops reading; waits are cut short, and the tracked work is waited for. */
  override async stop(): Promise<void> {
    await super.stop();
    await this.settleWork();
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

  /** Waits until no read, tracked work or checkpoint write is under way. */
  async settleWork(): Promise<void> {
    for (;;) {
      await this.settle();
      if (this.work.size === 0) return;
      await Promise.allSettled([...this.work]);
    }
  }
}
