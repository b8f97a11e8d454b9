import { appendFileSync, truncateSync } from 'node:fs';

/**
 * The last line of a log has no newline: the process died inside a write. If it is a whole, valid
 * next event (only its newline was lost) it is kept and the newline added; otherwise the torn
 * bytes are moved to `<log>.torn` and cut off. Neither case was ever acknowledged to a client:
 * an append resolves only after its whole batch, newlines included, was fsynced.
 */
export function repairTail(file: string, offset: number, text: string, wholeEvent: boolean, warn: (message: string) => void): void {
  if (wholeEvent) {
    appendFileSync(file, '\n');
    warn(`${file}: the last event had no newline (interrupted write); completed it`);
    return;
  }
  appendFileSync(`${file}.torn`, `${new Date().toISOString()} offset ${offset}: ${text}\n`);
  truncateSync(file, offset);
  warn(
    `${file}: truncated a torn last line at byte ${offset} (${Buffer.byteLength(text)} bytes, ` +
      `an interrupted write that was never acknowledged); kept a copy in ${file}.torn`,
  );
}
