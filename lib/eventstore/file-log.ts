import { closeSync, existsSync, openSync, readSync, statSync } from 'node:fs';
import { ensurePrivateDir } from '../fs/private-dir';
import { statfs } from 'node:fs/promises';
import { join } from 'node:path';
import { nodeFiles, type AppendHandle, type FileLayer } from '../fs/file-layer';
import { removeStaleTempFiles } from '../fs/write-atomically';
import { fileLogChunks } from './export';
import { encodeEnvelope, parseEnvelope, parseEnvelopeAt } from './envelope';
import { CorruptLogError } from './errors';
import { hashId, IdIndex } from './id-index';
import { indexLines, lineSeqAndId } from './log-index';
import { readLineRange, scanLines } from './log-lines';
import type { AppendResult, LogPosition, LogWriter } from './log-writer';
import { lockDirectory } from './lock';
import { OffsetIndex } from './offset-index';
import { encodeSnapshotIndex, readSnapshotIndex, writeSnapshotIndex } from './snapshot-index';
import { repairTail } from './tail-repair';
import type { DomainEvent, Envelope, LogCodec } from './types';

/** About how many events follow byte `from` of a log (lines of about 160 bytes, as the orderbook writes them; a log of shorter lines grows the table as before). */
function estimateEvents(file: string, from: number): number {
  try {
    return Math.max(0, statSync(file).size - from) / 160;
  } catch {
    return 0;
  }
}

/**
 * The default backend: `<dir>/<name>.jsonl`, one JSON envelope per line, appended by the one
 * process holding the directory's lock (so `append` never meets a conflict). In memory it keeps
 * each event's byte offset and a hash of its id, so reads and id look-ups touch only their lines.
 */
export class FileLog<E extends DomainEvent> implements LogWriter {
  readonly file: string;
  private readonly indexFile: string;
  private seq = 0;
  private lastId = '';
  /** Bytes of the log that hold committed events. */
  private size = 0;
  private ids = new IdIndex();
  private offsets = new OffsetIndex();
  private fh?: AppendHandle;
  private releaseLock?: () => void;
  /** A failed append whose cut-off itself failed: the file may hold its bytes past `size`. */
  private uncut = false;

  constructor(
    private readonly codec: LogCodec<E>,
    private readonly files: FileLayer = nodeFiles,
  ) {
    this.file = join(codec.dir, `${codec.name}.jsonl`);
    this.indexFile = join(codec.dir, `${codec.name}.snapshot.index`);
  }

  async open(): Promise<void> {
    ensurePrivateDir(this.codec.dir);
    this.releaseLock = await lockDirectory(this.codec.dir);
    try {
      for (const name of removeStaleTempFiles(this.codec.dir)) this.codec.warn(`${this.codec.dir}: removed ${name}, left by an interrupted write`);
      const created = !existsSync(this.file);
      this.fh = await this.files.openAppend(this.file);
      // A new file's name is durable only once its directory is synced.
      if (created) await this.files.syncDir(this.codec.dir);
    } catch (err) {
      this.releaseLock();
      throw err;
    }
  }

  /** The committed bytes as they are on disk (never changed: the log is append-only), up to `lastSeq`'s line. */
  async *export(lastSeq: number): AsyncGenerator<Buffer> {
    const end = lastSeq >= this.seq ? this.size : this.offsets.at(lastSeq + 1);
    if (end > 0) yield* fileLogChunks(this.file, end);
  }

  head(): LogPosition {
    return { seq: this.seq, lastId: this.lastId, lastOffset: this.seq > 0 ? this.offsets.at(this.seq) : 0, size: this.size };
  }

  /**
   * Adopts a snapshot's position: the offsets and ids of the events it covers, loaded from the
   * index saved with it or else indexed straight from the log's bytes (no parsing). It must match
   * the log (the event it ends with is really there, with that id, ending at that byte).
   */
  async restore(snap: LogPosition): Promise<string | undefined> {
    if (statSync(this.file).size < snap.size) return `${this.file} is shorter than the ${snap.size} bytes it covers`;
    const endsAtSnapshot = () =>
      this.offsets.count === snap.seq && this.offsets.at(snap.seq) === snap.lastOffset && this.seqOfIdSync(snap.lastId, snap.size) === snap.seq;
    const fail = (reason: string) => {
      this.ids = new IdIndex();
      this.offsets = new OffsetIndex();
      return reason;
    };
    const saved = readSnapshotIndex(this.indexFile, snap.seq, snap.size);
    if (saved) {
      this.ids = saved.ids;
      this.offsets = saved.offsets;
    }
    if (!saved || !endsAtSnapshot()) {
      this.ids = new IdIndex(snap.seq);
      this.offsets = new OffsetIndex(snap.seq);
      const indexed = indexLines(this.file, snap.size, (seq, idHash, offset) => {
        this.ids.add(idHash, seq);
        this.offsets.push(offset);
      });
      if (!indexed.ok) return fail(`it does not match ${this.file}: ${indexed.reason}`);
      if (indexed.count !== snap.seq) return fail(`it covers ${snap.seq} events, the log has ${indexed.count} in ${snap.size} bytes`);
      if (!endsAtSnapshot()) return fail(`event ${snap.seq} of the log is not the one it was taken at`);
    }
    this.seq = snap.seq;
    this.lastId = snap.lastId;
    this.size = snap.size;
    return undefined;
  }

  /** Any bad line but a torn last one stops the boot, file untouched. */
  async catchUp(apply: (event: Envelope) => void): Promise<void> {
    this.ids.reserve(estimateEvents(this.file, this.size)); // sized once, not grown line by line
    for (const line of scanLines(this.file, { from: this.size, firstLineNo: this.seq + 1 })) {
      const parsed = parseEnvelopeAt(line.source, line.start, line.end, this.codec);
      if (!line.terminated) {
        const whole = parsed.ok && parsed.event.seq === this.seq + 1;
        repairTail(this.file, line.offset, line.text, whole, this.codec.warn);
        if (!whole) break;
      }
      if (!parsed.ok) throw new CorruptLogError(this.file, line.lineNo, parsed.reason);
      const event = parsed.event;
      if (event.seq !== this.seq + 1) throw new CorruptLogError(this.file, line.lineNo, `seq ${event.seq} where ${this.seq + 1} was expected`);
      const idHash = parsed.idAt === undefined ? hashId(event.id) : hashId(line.source, parsed.idAt, parsed.idAt + event.id.length);
      const earlier = this.indexId(event, idHash);
      if (earlier !== undefined) throw new CorruptLogError(this.file, line.lineNo, `id ${event.id} repeats event ${earlier}`);
      try {
        apply(event);
      } catch (err) {
        throw new CorruptLogError(this.file, line.lineNo, `evolve threw (a bug: evolve must be total): ${(err as Error).message}`);
      }
      this.advance(event, line.offset);
      this.size = line.offset + line.bytes + 1; // the scanner's byte count: no re-encoding per line
    }
  }

  /**
   * Why a failed append never costs an acknowledged event, and why writes may resume after one:
   * every batch is acknowledged only after its write AND its fdatasync succeeded, so everything
   * before `size` is on disk. A failed write or fsync affects only the batch in flight, which
   * nobody was told about: it is cut off (truncate to `size`) and its callers get the error. If
   * even the cut-off fails, the next append first retries it, and writes nothing until it
   * succeeds, so no event is ever written after stray bytes. After a failed fsync the kernel may
   * have dropped the batch's dirty pages; the bytes before `size` were synced earlier and are not
   * affected, and the next batch is synced on its own: its success proves the whole file again.
   */
  async append(events: readonly Envelope[], expectedSeq: number): Promise<AppendResult> {
    if (expectedSeq !== this.seq) return { ok: false, conflict: true }; // not with the lock held; see log-writer.ts
    const fh = this.fh!;
    if (this.uncut) {
      await fh.truncate(this.size);
      this.uncut = false;
    }
    const lines = events.map(encodeEnvelope);
    try {
      await fh.append(Buffer.from(lines.join('')));
      await fh.datasync();
    } catch (err) {
      await fh.truncate(this.size).catch(() => (this.uncut = true));
      throw err;
    }
    let offset = this.size;
    events.forEach((event, i) => {
      this.record(event, offset);
      offset += Buffer.byteLength(lines[i]!);
    });
    this.size = offset;
    return { ok: true };
  }

  async seqOfId(id: string): Promise<number | undefined> {
    return this.seqOfIdSync(id);
  }

  /**
   * The index holds hashes: each candidate is confirmed by reading its id from the log
   * (`end`: where the indexed part of the log ends).
   */
  private seqOfIdSync(id: string, end = this.size): number | undefined {
    const candidates = this.ids.candidates(hashId(id));
    if (candidates.length === 0) return undefined;
    const fd = openSync(this.file, 'r');
    try {
      for (const seq of candidates) {
        const from = this.offsets.at(seq);
        const to = seq < this.offsets.count ? this.offsets.at(seq + 1) : end;
        const buf = Buffer.allocUnsafe(to - from);
        readSync(fd, buf, 0, buf.length, from);
        if (lineSeqAndId(buf, 0, buf.length - 1)?.id === id) return seq;
      }
      return undefined;
    } finally {
      closeSync(fd);
    }
  }

  async read(from: number, to: number): Promise<Envelope[]> {
    const end = to < this.seq ? this.offsets.at(to + 1) : this.size;
    const lines = await readLineRange(this.file, this.offsets.at(from), end);
    return lines.map((text, i) => {
      const parsed = parseEnvelope(text, this.codec);
      if (!parsed.ok) throw new CorruptLogError(this.file, from + i, parsed.reason);
      return parsed.event;
    });
  }

  captureIndex(): () => Promise<void> {
    const index = encodeSnapshotIndex(this.seq, this.size, this.offsets, this.ids);
    return () => writeSnapshotIndex(this.indexFile, index, this.files);
  }

  async freeBytes(): Promise<number> {
    const stats = await statfs(this.codec.dir);
    return stats.bavail * stats.bsize;
  }

  async close(): Promise<void> {
    await this.fh?.close();
    this.releaseLock?.();
  }

  /**
   * Indexes a replayed event's id, unless an earlier event has the same id: then returns that
   * event's seq (the log repeats an id). One probe of the hash table in the common case.
   */
  private indexId(event: Envelope, hash: number): number | undefined {
    if (this.ids.addIfNew(hash, event.seq)) return undefined;
    const earlier = this.seqOfIdSync(event.id);
    if (earlier === undefined) this.ids.add(hash, event.seq); // two ids with one hash, not a repeat
    return earlier;
  }

  /** An appended event: its id indexed, then the head moved to it. */
  private record(event: Envelope, offset: number): void {
    this.ids.add(hashId(event.id), event.seq);
    this.advance(event, offset);
  }

  /** Moves the head to an event whose id is indexed and whose line starts at `offset`. */
  private advance(event: Envelope, offset: number): void {
    this.seq = event.seq;
    this.lastId = event.id;
    this.offsets.push(offset);
  }
}
