import { isAscii } from 'node:buffer';
import { closeSync, openSync, readSync } from 'node:fs';
import { open } from 'node:fs/promises';

const NEWLINE = 0x0a;

/** A line of a log, as the scanner reads it: where it is in the file and in the string it was decoded into. */
export interface LogLine {
  /** 1-based line number, for error messages. */
  lineNo: number;
  /** Byte offset of the line's first byte. */
  offset: number;
  /** The line's length in bytes, without its newline. */
  bytes: number;
  /** False only for a last line with no newline: a write cut short by a crash. */
  terminated: boolean;
  /**
   * The string the line was decoded in, and where in it: `source.slice(start, end)` is the line
   * without its newline. Parsers that read the line in place (a sticky regular expression on
   * `source`) skip the copy that `text` makes.
   */
  source: string;
  start: number;
  end: number;
  /** The line without its newline (sliced from `source` when asked for). */
  readonly text: string;
}

class ScannedLine implements LogLine {
  lineNo = 0;
  offset = 0;
  bytes = 0;
  terminated = true;
  source = '';
  start = 0;
  end = 0;

  get text(): string {
    return this.source.slice(this.start, this.end);
  }
}

/**
 * Reads a JSON-lines file in fixed-size chunks (memory stays flat however long the log is),
 * yielding each line with its byte offset, from byte `from` on (a line start, numbered
 * `firstLineNo`). A missing file yields nothing. The same LogLine object is yielded each time,
 * its fields updated (one allocation less per line at boot): read it before asking for the next.
 */
export function* scanLines(
  file: string,
  { chunkSize = 4 << 20, from = 0, firstLineNo = 1 }: { chunkSize?: number; from?: number; firstLineNo?: number } = {},
): Generator<LogLine> {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw err;
  }
  try {
    let buf = Buffer.allocUnsafe(chunkSize);
    /** Bytes at the start of `buf` left from the last read: the beginning of an unfinished line. */
    let carried = 0;
    let carryOffset = from;
    let position = from;
    let lineNo = firstLineNo - 1;
    const line = new ScannedLine();
    for (;;) {
      if (carried === buf.length) buf = Buffer.concat([buf, Buffer.allocUnsafe(buf.length)]); // a line longer than the buffer
      const n = readSync(fd, buf, carried, buf.length - carried, position);
      if (n === 0) break;
      position += n;
      const filled = carried + n;
      let start = 0;
      const end = buf.lastIndexOf(NEWLINE, filled - 1) + 1; // the whole lines read so far
      if (end > 0 && isAscii(buf.subarray(0, end))) {
        // The usual case: decoded once, lines read in place, character index = byte offset.
        const text = buf.toString('latin1', 0, end);
        line.source = text;
        for (let nl = text.indexOf('\n'); nl !== -1; nl = text.indexOf('\n', start)) {
          line.lineNo = ++lineNo;
          line.offset = carryOffset + start;
          line.start = start;
          line.end = nl;
          line.bytes = nl - start;
          yield line;
          start = nl + 1;
        }
      } else {
        for (let nl = buf.indexOf(NEWLINE, start); nl !== -1 && nl < end; nl = buf.indexOf(NEWLINE, start)) {
          line.lineNo = ++lineNo;
          line.offset = carryOffset + start;
          line.source = buf.toString('utf8', start, nl);
          line.start = 0;
          line.end = line.source.length;
          line.bytes = nl - start;
          yield line;
          start = nl + 1;
        }
      }
      // The unfinished line moves to the front; the next read goes after it.
      buf.copy(buf, 0, start, filled);
      carried = filled - start;
      carryOffset += start;
    }
    if (carried > 0) {
      line.lineNo = ++lineNo;
      line.offset = carryOffset;
      line.source = buf.toString('utf8', 0, carried);
      line.start = 0;
      line.end = line.source.length;
      line.bytes = carried;
      line.terminated = false;
      yield line;
    }
  } finally {
    closeSync(fd);
  }
}

/** The complete lines between two byte offsets of a file (end exclusive). */
export async function readLineRange(file: string, start: number, end: number): Promise<string[]> {
  if (end <= start) return [];
  const fh = await open(file, 'r');
  try {
    const buf = Buffer.allocUnsafe(end - start);
    let read = 0;
    while (read < buf.length) {
      const { bytesRead } = await fh.read(buf, read, buf.length - read, start + read);
      if (bytesRead === 0) throw new Error(`${file}: expected ${buf.length} bytes at ${start}, the file is shorter`);
      read += bytesRead;
    }
    const text = buf.toString('utf8');
    return text.endsWith('\n') ? text.slice(0, -1).split('\n') : text.split('\n');
  } finally {
    await fh.close();
  }
}
