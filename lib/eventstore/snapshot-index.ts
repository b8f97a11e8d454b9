// `<name>.snapshot.index`: the byte offsets and the id index of the events a snapshot covers, so a
// boot from the snapshot loads them instead of scanning the log (0.2 to 0.3 s at a million events).
// A derived file like the snapshot: when it is missing, of another snapshot, or damaged, the boot
// indexes the log as before.
import { readFileSync } from 'node:fs';
import { IdIndex } from './id-index';
import { OffsetIndex } from './offset-index';
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
  const offsetBytes = Buffer.from(offsets.view().buffer, offsets.view().byteOffset, seq * 8);
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

export const writeSnapshotIndex = (file: string, bytes: Buffer) => writeFileAtomically(file, bytes);

/** The index in `file` if it is whole and belongs to a snapshot of `seq` events over `size` bytes. */
export function readSnapshotIndex(file: string, seq: number, size: number): SnapshotIndex | undefined {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw err;
  }
  if (bytes.length < HEADER_BYTES || bytes.readUInt32LE(0) !== MAGIC) return undefined;
  if (bytes.readDoubleLE(8) !== seq || bytes.readDoubleLE(16) !== size || bytes.readUInt32LE(4) !== seq) return undefined;
  const tableLength = bytes.readUInt32LE(24);
  if (bytes.length !== HEADER_BYTES + seq * 8 + tableLength * 4) return undefined;
  // Copied out into aligned arrays (a Buffer's bytes may start at any offset of its pool).
  const offsets = new Float64Array(seq);
  Buffer.from(offsets.buffer).set(bytes.subarray(HEADER_BYTES, HEADER_BYTES + seq * 8));
  const table = new Uint32Array(tableLength);
  Buffer.from(table.buffer).set(bytes.subarray(HEADER_BYTES + seq * 8));
  const ids = IdIndex.of(table, seq);
  if (!ids) return undefined;
  return { seq, size, offsets: OffsetIndex.of(offsets), ids };
}
