import { closeSync, openSync, readSync } from 'node:fs';
import { FNV_OFFSET, FNV_PRIME, hashId } from './id-index';

const NEWLINE = 0x0a;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const SEQ_KEY = Buffer.from('{"seq":');
const ID_KEY = Buffer.from(',"id":"');

/**
 * Visits seq, id hash (see id-index.ts) and byte offset of every event in the first `size` bytes
 * of a log, without parsing or validating the events: for the part of a log that a snapshot
 * covers (those lines were validated when the snapshot was made), which only needs its offsets
 * and ids indexed. Returns the number of events, or a reason when the lines are not events
 * 1, 2, 3, ... ending exactly at `size`.
 */
export function indexLines(
  file: string,
  size: number,
  visit: (seq: number, idHash: number, offset: number) => void,
  chunkSize = 4 << 20,
): { ok: true; count: number } | { ok: false; reason: string } {
  const fd = openSync(file, 'r');
  try {
    let expected = 1;
    let buf = Buffer.allocUnsafe(chunkSize);
    /** Bytes at the start of `buf` left from the last read: the beginning of an unfinished line. */
    let carried = 0;
    let carryOffset = 0;
    let position = 0;
    while (position < size) {
      if (carried === buf.length) buf = Buffer.concat([buf, Buffer.allocUnsafe(buf.length)]); // a line longer than the buffer
      const n = readSync(fd, buf, carried, Math.min(buf.length - carried, size - position), position);
      if (n === 0) return { ok: false, reason: `the log is shorter than ${size} bytes` };
      position += n;
      const filled = carried + n;
      let start = 0;
      for (let nl = buf.indexOf(NEWLINE, start); nl !== -1 && nl < filled; nl = buf.indexOf(NEWLINE, start)) {
        let seq: number;
        let idHash: number;
        if (locate(buf, start, nl)) {
          seq = found.seq;
          idHash = found.idHash;
        } else {
          const event = parseSeqAndId(buf.toString('utf8', start, nl));
          if (!event) return { ok: false, reason: `line ${expected} is not an event` };
          seq = event.seq;
          idHash = hashId(event.id);
        }
        if (seq !== expected) return { ok: false, reason: `line ${expected} holds seq ${seq}` };
        visit(seq, idHash, carryOffset + start);
        expected++;
        start = nl + 1;
        if (start >= filled) break;
      }
      carried = filled - start;
      buf.copy(buf, 0, start, filled);
      carryOffset += start;
    }
    if (carried > 0) return { ok: false, reason: `byte ${size} is not the end of a line` };
    return { ok: true, count: expected - 1 };
  } finally {
    closeSync(fd);
  }
}

/** seq and id of one line (its bytes without the newline), or undefined when it is not an event. */
export function lineSeqAndId(buf: Buffer, start = 0, end = buf.length): { seq: number; id: string } | undefined {
  if (locate(buf, start, end)) return { seq: found.seq, id: buf.toString('utf8', found.idFrom, found.idTo) };
  return parseSeqAndId(buf.toString('utf8', start, end));
}

/** Where `locate` leaves its result: no object per line on the hot path. */
const found = { seq: 0, idFrom: 0, idTo: 0, idHash: 0 };

/**
 * Reads seq and the id's byte range of a line in the store's own layout (`{"seq":N,"id":"...",`)
 * from its bytes. False for any other shape, or an id with escapes: the caller parses the line.
 */
function locate(buf: Buffer, start: number, end: number): boolean {
  if (end - start < SEQ_KEY.length + ID_KEY.length + 2) return false;
  let i = start;
  for (let k = 0; k < SEQ_KEY.length; k++) if (buf[i + k] !== SEQ_KEY[k]) return false;
  i += SEQ_KEY.length;
  const digitsFrom = i;
  let seq = 0;
  while (i < end && i - digitsFrom < 16 && buf[i]! >= 0x30 && buf[i]! <= 0x39) seq = seq * 10 + (buf[i++]! - 0x30);
  if (i === digitsFrom || buf[i] !== COMMA) return false;
  for (let k = 0; k < ID_KEY.length; k++) if (buf[i + k] !== ID_KEY[k]) return false;
  const idFrom = i + ID_KEY.length;
  let j = idFrom;
  // The id's hash (hashIdBytes) as it is scanned: one pass over its bytes.
  let h = FNV_OFFSET;
  for (let b = buf[j]; j < end && b !== QUOTE && b !== BACKSLASH; b = buf[++j]) h = Math.imul(h ^ b!, FNV_PRIME);
  if (j >= end || buf[j] !== QUOTE || j === idFrom) return false;
  found.seq = seq;
  found.idFrom = idFrom;
  found.idTo = j;
  found.idHash = h >>> 0;
  return true;
}

function parseSeqAndId(text: string): { seq: number; id: string } | undefined {
  try {
    const raw = JSON.parse(text) as { seq?: unknown; id?: unknown };
    if (Number.isSafeInteger(raw.seq) && typeof raw.id === 'string') return { seq: raw.seq as number, id: raw.id };
  } catch {
    // not JSON: not an event
  }
  return undefined;
}
