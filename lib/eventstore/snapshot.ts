import { readFileSync } from 'node:fs';
import type { FileLayer } from '../fs/file-layer';
import { writeFileAtomically } from '../fs/write-atomically';

/** `<name>.snapshot.json`: a store's state as of one event, so a restart replays only what came after. */
export interface Snapshot<S> {
  format: 1;
  /** The store's `snapshot.version` when it was written: any other version is ignored and rebuilt. */
  version: string;
  /** The last event it includes, and where that event's line starts and ends in the log. */
  seq: number;
  lastId: string;
  lastOffset: number;
  /** Bytes of the log up to and including event `seq`. */
  size: number;
  writtenAt: string;
  state: S;
}

/** The snapshot in `file`, undefined when there is none, or the reason it cannot be used. */
export function readSnapshot<S>(file: string, version: string): { ok: true; snapshot: Snapshot<S> } | { ok: false; reason: string } | undefined {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw err;
  }
  let snapshot: Snapshot<S>;
  try {
    snapshot = JSON.parse(text) as Snapshot<S>;
  } catch (err) {
    return { ok: false, reason: `not JSON (${(err as Error).message})` };
  }
  if (snapshot.format !== 1) return { ok: false, reason: `unknown format ${String(snapshot.format)}` };
  if (snapshot.version !== version) return { ok: false, reason: `it is of version ${snapshot.version}, the store is at ${version}` };
  const numbers = [snapshot.seq, snapshot.lastOffset, snapshot.size];
  if (!numbers.every((n) => Number.isSafeInteger(n) && n >= 0) || snapshot.seq < 1 || typeof snapshot.lastId !== 'string') {
    return { ok: false, reason: 'seq, lastId, lastOffset or size is missing' };
  }
  return { ok: true, snapshot };
}

/** Replaces the snapshot atomically (temp file, fsync, rename, fsync of the directory): a crash leaves the old one or the new. */
export async function writeSnapshot<S>(file: string, snapshot: Snapshot<S>, files?: FileLayer): Promise<void> {
  await writeFileAtomically(file, JSON.stringify(snapshot), files);
}
