import { join } from 'node:path';
import type { FileLayer } from '../fs/file-layer';
import type { LogPosition, LogWriter } from './log-writer';
import { readSnapshot, writeSnapshot, type Snapshot } from './snapshot';

const SNAPSHOT_EVERY = 10_000;

/**
 * `<dir>/<name>.snapshot.json`, opt-in per store: read at boot so that a restart replays only the
 * events after it, and rewritten in the background every `every` events.
 */
export class Snapshotter<S> {
  private readonly file: string;
  private lastSeq = 0;
  private writing?: Promise<void>;

  constructor(
    private readonly config: { version: string | number; every?: number } | undefined,
    dir: string,
    name: string,
    private readonly log: LogWriter,
    private readonly warn: (message: string) => void,
    private readonly files?: FileLayer,
  ) {
    this.file = join(dir, `${name}.snapshot.json`);
  }

  /**
   * The snapshot's state when it is usable and the log adopted its position; otherwise undefined
   * (with a warning when there was one): the whole log is replayed.
   */
  async restore(): Promise<{ seq: number; state: S } | undefined> {
    if (!this.config) return undefined;
    const read = this.log.snapshots
      ? await this.log.snapshots.load<S>(String(this.config.version))
      : readSnapshot<S>(this.file, String(this.config.version));
    if (!read) return undefined;
    const reason = read.ok ? await this.log.restore(read.snapshot) : read.reason;
    if (reason !== undefined || !read.ok) {
      this.warn(`${this.log.snapshots ? `${this.log.file} snapshot` : this.file}: not used (${reason}); replaying the whole log`);
      return undefined;
    }
    this.lastSeq = read.snapshot.seq;
    return { seq: read.snapshot.seq, state: read.snapshot.state };
  }

  /** Writes a new snapshot in the background once `every` events came after the last one. */
  maybeWrite(state: S, head: LogPosition): void {
    if (!this.config || this.writing || head.seq === 0) return;
    if (head.seq - this.lastSeq < (this.config.every ?? SNAPSHOT_EVERY)) return;
    // Captured together, in one tick: the state of exactly these committed events.
    const snapshot: Snapshot<S> = { format: 1, version: String(this.config.version), ...head, writtenAt: new Date().toISOString(), state };
    const writeIndex = this.log.captureIndex?.() ?? (async () => {});
    // The index first: a snapshot is never on disk without the index it was taken with, or with
    // an index of another snapshot (that one is recognised by its seq and size, and ignored).
    this.writing = writeIndex()
      .then(() => (this.log.snapshots ? this.log.snapshots.save(snapshot) : writeSnapshot(this.file, snapshot, this.files)))
      .then(() => {
        this.lastSeq = snapshot.seq;
      })
      .catch((err) => console.error(`${this.log.snapshots ? this.log.file : this.file}: could not write the snapshot (the log is unaffected):`, err))
      .finally(() => {
        this.writing = undefined;
      });
  }

  /** Waits for a snapshot being written (close, tests). */
  async settled(): Promise<void> {
    await this.writing;
  }
}
