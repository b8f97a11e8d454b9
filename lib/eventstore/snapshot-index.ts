// `<name>.snapshot.index`: the byte offsets and the id index of the events a snapshot covers, so a
// boot from the snapshot loads them instead of scanning the log (0.2 to 0.3 s at a million events).
// A derived file like the snapshot: when it is missing, of another snapshot, or damaged, the boot
// indexes the log as before.
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { IdIndex } from './id-index';
import { OffsetIndex } from './offset-index';
import type { FileLayer } from '../fs/file-layer';
import { writeFileAtomically } from '../fs/write-atomically';

const MAGIC = 0x58444953; // "SIDX", little-endian
const HEADER_BYTES = 32; // magic u32, id count u32, seq f64, size f64, id table length u32, spare u32

export interface SnapshotIndex {
  /** The snapshot it belongs to: its last event and the log's length then. */
  seq: number;
  size: number;
  offsets: OffsetIndex;
  ids: IdIndex;
}

/** Copies the indexes as they are now (covering events 1..seq), ready to be written. */
export function encodeSnapshotIndex(seq: number, size: number, offsets: OffsetIndex, ids: IdIndex): Buffer {
  const offsetView = offsets.view();
  const offsetBytes = Buffer.from(offsetView.buffer, offsetView.byteOffset, seq * 8);
  const table = ids.view();
  const tableBytes = Buffer.from(table.buffer, table.byteOffset, table.byteLength);
  const header = Buffer.alloc(HEADER_BYTES);
  header.writeUInt32LE(MAGIC, 0);
  header.writeUInt32LE(ids.size, 4);
  header.writeDoubleLE(seq, 8);
  header.writeDoubleLE(size, 16);
  header.writeUInt32LE(table.length, 24);
  return Buffer.concat([header, offsetBytes, tableBytes]); // one copy, taken in this tick
}

export const writeSnapshotIndex = (file: string, bytes: Buffer, files?: FileLayer) => writeFileAtomically(file, bytes, files);

/** The index in `file` if it is whole and belongs to a snapshot of `seq` events over `size` bytes. */
export function readSnapshotIndex(file: string, seq: number, size: number): SnapshotIndex | undefined {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw err;
  }
  try {
    const header = Buffer.alloc(HEADER_BYTES);
    if (readSync(fd, header, 0, HEADER_BYTES, 0) !== HEADER_BYTES || header.readUInt32LE(0) !== MAGIC) return undefined;
    if (header.readDoubleLE(8) !== seq || header.readDoubleLE(16) !== size || header.readUInt32LE(4) !== seq) return undefined;
    const tableLength = header.readUInt32LE(24);
    if (fstatSync(fd).size !== HEADER_BYTES + seq * 8 + tableLength * 4) return undefined;
    // Read straight into the typed arrays the indexes keep (aligned, no intermediate copy).
    const offsets = new Float64Array(seq);
    const table = new Uint32Array(tableLength);
    if (!readFully(fd, new Uint8Array(offsets.buffer), HEADER_BYTES) || !readFully(fd, new Uint8Array(table.buffer), HEADER_BYTES + seq * 8)) return undefined;
    const ids = IdIndex.of(table, seq);
    if (!ids) return undefined;
    return { seq, size, offsets: OffsetIndex.of(offsets), ids };
  } finally {
    closeSync(fd);
  }
}

function readFully(fd: number, into: Uint8Array, position: number): boolean {
  for (let done = 0; done < into.length; ) {
    const n = readSync(fd, into, done, into.length - done, position + done);
    if (n === 0) return false;
    done += n;
  }
  return true;
}
