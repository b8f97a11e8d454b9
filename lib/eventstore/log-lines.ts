import { isAscii } from 'node:buffer';
import { closeSync, openSync, readSync } from 'node:fs';
import { open } from 'node:fs/promises';

const NEWLINE = 0x0a;

export interface LogLine {
  /** 1-based line number, for error messages. */
  lineNo: number;
  /** Byte offset of the line's first byte. */
  offset: number;
  /** The line without its newline. */
  text: string;
  /**
   * The string `text` was cut from, and where in it: `source.slice(start, start + text.length)`
   * is `text`. Parsers that read the line in place (a sticky regular expression on `source`)
   * skip the copies a slice of `text` would make.
   */
  source: string;
  start: number;
  /** The line's length in bytes, without its newline. */
  bytes: number;
  /** False only for a last line with no newline: a write cut short by a crash. */
  terminated: boolean;
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
    let carry = Buffer.alloc(0);
    let carryOffset = from;
    let position = from;
    let lineNo = firstLineNo - 1;
    const chunk = Buffer.allocUnsafe(chunkSize);
    const line: LogLine = { lineNo: 0, offset: 0, text: '', source: '', start: 0, bytes: 0, terminated: true };
    for (;;) {
      const n = readSync(fd, chunk, 0, chunkSize, position);
      if (n === 0) break;
      position += n;
      const buf = carry.length ? Buffer.concat([carry, chunk.subarray(0, n)]) : chunk.subarray(0, n);
      let start = 0;
      const end = buf.lastIndexOf(NEWLINE) + 1; // the whole lines in this chunk
      if (end > 0 && isAscii(buf.subarray(0, end))) {
        // The usual case: decoded once, lines sliced out, character index = byte offset.
        const text = buf.toString('latin1', 0, end);
        line.source = text;
        for (let nl = text.indexOf('\n'); nl !== -1; nl = text.indexOf('\n', start)) {
          line.lineNo = ++lineNo;
          line.offset = carryOffset + start;
          line.text = text.slice(start, nl);
          line.start = start;
          line.bytes = nl - start;
          yield line;
          start = nl + 1;
        }
      } else {
        for (let nl = buf.indexOf(NEWLINE, start); nl !== -1; nl = buf.indexOf(NEWLINE, start)) {
          line.lineNo = ++lineNo;
          line.offset = carryOffset + start;
          line.text = line.source = buf.toString('utf8', start, nl);
          line.start = 0;
          line.bytes = nl - start;
          yield line;
          start = nl + 1;
        }
      }
      // Copy the unfinished line: `chunk` is reused by the next read.
      carry = Buffer.from(buf.subarray(start));
      carryOffset += start;
    }
    if (carry.length > 0) {
      const text = carry.toString('utf8');
      yield { lineNo: ++lineNo, offset: carryOffset, text, source: text, start: 0, bytes: carry.length, terminated: false };
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
