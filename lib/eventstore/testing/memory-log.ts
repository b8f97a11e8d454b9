// A LogWriter in memory, shared by several "processes" like a database table: the reference for
// a second backend, and the tests of the expected-seq conflict (someone else appended first).
import { encodeEnvelope } from '../envelope';
import type { AppendResult, LogPosition, LogWriter } from '../log-writer';
import type { Envelope } from '../types';

/** The shared table: what every writer over it sees. */
export class MemoryTable {
  readonly rows: Envelope[] = [];
}

export class MemoryLog implements LogWriter {
  readonly file = 'memory';
  /** Events delivered to (or appended by) this writer's store. */
  private delivered = 0;

  constructor(private readonly table: MemoryTable) {}

  async open(): Promise<void> {}

  async restore(position: LogPosition): Promise<string | undefined> {
    if (this.table.rows[position.seq - 1]?.id !== position.lastId) return `event ${position.seq} is not ${position.lastId}`;
    this.delivered = position.seq;
    return undefined;
  }

  async catchUp(apply: (event: Envelope) => void): Promise<void> {
    while (this.delivered < this.table.rows.length) apply(this.table.rows[this.delivered++]!);
  }

  head(): LogPosition {
    return { seq: this.delivered, lastId: this.table.rows[this.delivered - 1]?.id ?? '', lastOffset: 0, size: 0 };
  }

  async append(events: readonly Envelope[], expectedSeq: number): Promise<AppendResult> {
    // As a database would: the insert of seq expectedSeq + 1 fails when that seq exists.
    if (this.table.rows.length !== expectedSeq) return { ok: false, conflict: true };
    this.table.rows.push(...events.map((e) => structuredClone(e)));
    this.delivered = this.table.rows.length;
    return { ok: true };
  }

  async seqOfId(id: string): Promise<number | undefined> {
    const i = this.table.rows.findIndex((e) => e.id === id);
    return i === -1 ? undefined : i + 1;
  }

  async read(from: number, to: number): Promise<Envelope[]> {
    return this.table.rows.slice(from - 1, to).map((e) => structuredClone(e));
  }

  async *export(lastSeq: number): AsyncGenerator<Buffer> {
    for (const e of this.table.rows.slice(0, lastSeq)) yield Buffer.from(encodeEnvelope(e));
  }

  async close(): Promise<void> {}
}
