import { readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join, resolve } from 'node:path';
import { StoreLockedError } from './errors';
import { registry } from './registry';

export const LOCK_FILE = '.writer.lock';

interface LockOwner {
  pid: number;
  host: string;
  since: string;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readOwner(path: string): LockOwner | undefined {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as LockOwner;
  } catch {
    return undefined; // unreadable or half-written: treated as stale below
  }
}

/**
 * Takes the single-writer lock of an events directory, or throws StoreLockedError when another
 * live process on this host holds it. The lock file names its owner's pid: a process that crashed
 * leaves the file behind, and the next one sees that pid is gone and takes over, so a crash never
 * leaves the directory stuck. Stores of one process share the lock (reference-counted).
 * Returns the release function.
 */
export function lockDirectory(dir: string): () => void {
  const key = resolve(dir);
  const { locks } = registry();
  const held = locks.get(key);
  if (held) {
    held.count++;
    return once(() => unref(key));
  }
  const path = join(key, LOCK_FILE);
  const me: LockOwner = { pid: process.pid, host: hostname(), since: new Date().toISOString() };
  for (let attempt = 0; ; attempt++) {
    try {
      writeFileSync(path, JSON.stringify(me), { flag: 'wx' });
      break;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST' || attempt > 0) throw err;
    }
    const owner = readOwner(path);
    const ours = owner?.pid === process.pid && owner.host === me.host;
    if (owner && !ours && (owner.host !== me.host || isAlive(owner.pid))) {
      throw new StoreLockedError(
        `${key} is already in use by process ${owner.pid} on ${owner.host} (since ${owner.since}). ` +
          `Only one Shelf process may write an events directory: stop the other one, or point EVENTS_DIR elsewhere. ` +
          `If that process is gone, delete ${path}.`,
      );
    }
    unlinkSync(path); // stale: its owner is dead (or it is our own leftover); take it over
  }
  const onExit = () => removeFile(path);
  process.once('exit', onExit);
  locks.set(key, {
    count: 1,
    release: () => {
      process.removeListener('exit', onExit);
      removeFile(path);
    },
  });
  return once(() => unref(key));
}

function unref(key: string): void {
  const { locks } = registry();
  const held = locks.get(key);
  if (!held) return;
  if (--held.count === 0) {
    locks.delete(key);
    held.release();
  }
}

function removeFile(path: string): void {
  try {
    unlinkSync(path);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
}

function once(fn: () => void): () => void {
  let done = false;
  return () => {
    if (!done) {
      done = true;
      fn();
    }
  };
}
