// The single-writer lock of an events directory.
//
// Why not proper-lockfile: its stale takeover (stat, then rmdir, then mkdir) lets two processes
// that both saw the same stale lock both take it, and it judges staleness by mtime only, so a
// restart right after a crash would wait out the whole stale period. This scheme is small and
// atomic at every step:
// - Take: the owner record is written into a fresh temp directory, which is then renamed to
//   `.writer.lock`. rename(2) onto an existing non-empty directory fails, so exactly one process
//   gets it, and the lock never exists without its owner record.
// - Judge: on this machine (same hostname, boot id and pid namespace) the owner is alive only if
//   its pid exists AND that process started when the owner did: a pid reused after a reboot or by
//   another program does not count. Anywhere else (another host or container sharing the
//   directory, another boot) the owner's heartbeat decides: the holder touches the lock every
//   second, and a lock untouched for STALE_MS is stale; a start waits at most that long.
// - Take over: rename the stale lock to `.writer.lock.stale-<its owner's nonce>`. Two processes
//   taking over the same stale lock rename to the same name; the second rename fails because the
//   first left that (non-empty) directory there, so the second re-judges the new lock and backs off.
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { StoreLockedError } from './errors';
import { judgeOwner, me, pidExists, readText, startTicks, type LockOwner, type Verdict } from './lock-owner';
import { registry, singleton } from './registry';

export const LOCK_FILE = '.writer.lock';
const OWNER_FILE = 'owner.json';
export const HEARTBEAT_MS = 1_000;
/** A lock whose owner cannot be checked directly is stale once its heartbeat is this old. */
export const STALE_MS = 10_000;
/** Leftover temp and stale-lock directories are removed once this old (long after any takeover race). */
const LEFTOVER_MS = 60_000;

interface Seen {
  owner: LockOwner | undefined;
  /** Identifies this very lock (its owner record), for the takeover's target name. */
  id: string;
  mtimeMs: number;
  legacy: boolean;
}

function look(path: string): Seen | undefined {
  let stat;
  try {
    stat = statSync(path);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw err;
  }
  const legacy = !stat.isDirectory(); // the lock of older versions: a plain file holding the owner
  const raw = readText(legacy ? path : join(path, OWNER_FILE)) ?? '';
  let owner: LockOwner | undefined;
  try {
    owner = JSON.parse(raw) as LockOwner;
  } catch {
    owner = undefined;
  }
  const id = owner?.nonce ?? createHash('sha256').update(`${raw}\0${stat.mtimeMs}\0${stat.ino}`).digest('hex').slice(0, 32);
  return { owner, id, mtimeMs: stat.mtimeMs, legacy };
}

/** A legacy lock file names a pid but not its start time: it is stale if that pid started after the file was written. */
function judgeLegacy(seen: Seen, self: LockOwner): Verdict {
  const owner = seen.owner;
  if (!owner || typeof owner.pid !== 'number') return 'stale';
  if (owner.host !== self.host) return 'heartbeat';
  if (!pidExists(owner.pid)) return 'stale';
  const ticks = startTicks(owner.pid);
  const bootTime = Number(/btime (\d+)/.exec(readText('/proc/stat') ?? '')?.[1]);
  if (ticks !== undefined && Number.isFinite(bootTime)) {
    const startedAt = bootTime * 1000 + (Number(ticks) * 1000) / 100; // USER_HZ is 100 on Linux
    if (startedAt > seen.mtimeMs + 2_000) return 'stale';
  }
  return owner.pid === self.pid ? 'stale' : 'live';
}

function lockedError(key: string, path: string, owner: LockOwner | undefined): StoreLockedError {
  const who = owner ? `process ${owner.pid} on ${owner.host} (since ${owner.since})` : 'another process';
  return new StoreLockedError(
    `${key} is already in use by ${who}. ` +
      `Only one Shelf process may write an events directory: stop the other one, or point EVENTS_DIR elsewhere. ` +
      `(A lock left by a process that is gone is taken over by itself: ${path} need not be deleted.)`,
  );
}

/** Renames a stale lock aside, atomically; false when another process took it over first. */
function moveAside(dir: string, path: string, seen: Seen): boolean {
  const target = join(dir, `${LOCK_FILE}.stale-${seen.id}`);
  try {
    renameSync(path, target);
    return true;
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTEMPTY' || code === 'EEXIST' || code === 'ENOTDIR' || code === 'EISDIR') return false;
    throw err;
  }
}

/** Takes the lock if it is free: true on success. */
function tryTake(dir: string, path: string, owner: LockOwner): boolean {
  const temp = mkdtempSync(join(dir, `${LOCK_FILE}.new-`));
  writeFileSync(join(temp, OWNER_FILE), JSON.stringify(owner));
  try {
    renameSync(temp, path);
    return true;
  } catch (err) {
    rmSync(temp, { recursive: true, force: true });
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOTEMPTY' || code === 'EEXIST' || code === 'ENOTDIR' || code === 'EISDIR') return false;
    throw err;
  }
}

function removeLeftovers(dir: string, now = Date.now()): void {
  for (const name of readdirSync(dir)) {
    if (!name.startsWith(`${LOCK_FILE}.stale-`) && !name.startsWith(`${LOCK_FILE}.new-`)) continue;
    try {
      if (now - statSync(join(dir, name)).mtimeMs > LEFTOVER_MS) rmSync(join(dir, name), { recursive: true, force: true });
    } catch {
      // gone already
    }
  }
}

export interface LockOptions {
  /** How long a lock whose owner cannot be checked must go untouched before it is stale. */
  staleMs?: number;
  /** Called when this process finds it no longer holds the lock (another took it while this one was frozen). Default: exit. */
  onLost?: (message: string) => void;
}

const pending = () => singleton('eventstore:pending-locks', () => new Map<string, Promise<() => void>>());

/**
 * Takes the single-writer lock of an events directory, or throws StoreLockedError when another
 * live process holds it. A lock left by a process that is gone, whose pid now belongs to another
 * process, or from another host or container that stopped, never blocks a start (the last kind
 * takes up to `staleMs` to be sure). Stores of one process share the lock (reference-counted).
 * Returns the release function.
 */
export async function lockDirectory(dir: string, options: LockOptions = {}): Promise<() => void> {
  const key = resolve(dir);
  const { locks } = registry();
  const inflight = pending().get(key);
  if (inflight) await inflight.catch(() => {});
  const held = locks.get(key);
  if (held) {
    held.count++;
    return once(() => unref(key));
  }
  const taking = take(key, options);
  pending().set(key, taking);
  try {
    return await taking;
  } finally {
    pending().delete(key);
  }
}

async function take(key: string, options: LockOptions): Promise<() => void> {
  const staleMs = options.staleMs ?? STALE_MS;
  const path = join(key, LOCK_FILE);
  const self = me();
  removeLeftovers(key);
  let watching: { id: string; mtimeMs: number } | undefined;
  for (;;) {
    if (tryTake(key, path, self)) break;
    const seen = look(path);
    if (!seen) continue; // released meanwhile
    const verdict = seen.legacy ? judgeLegacy(seen, self) : judgeOwner(seen.owner, self);
    if (verdict === 'live') throw lockedError(key, path, seen.owner);
    if (verdict === 'heartbeat') {
      if (watching?.id === seen.id && watching.mtimeMs !== seen.mtimeMs) throw lockedError(key, path, seen.owner); // its heartbeat moved: alive
      if (watching?.id !== seen.id) watching = { id: seen.id, mtimeMs: seen.mtimeMs };
      if (Date.now() - seen.mtimeMs < staleMs) {
        await sleep(Math.min(250, staleMs));
        continue;
      }
    }
    moveAside(key, path, seen); // false: someone else took it over first; the next round judges theirs
  }
  const heartbeat = setInterval(() => beat(path, self, options), HEARTBEAT_MS);
  heartbeat.unref();
  const onExit = () => release(path, self);
  process.once('exit', onExit);
  registry().locks.set(key, {
    count: 1,
    release: () => {
      clearInterval(heartbeat);
      process.removeListener('exit', onExit);
      release(path, self);
    },
  });
  return once(() => unref(key));
}

/** Touches the lock (the heartbeat others judge it by), and checks it is still ours. */
function beat(path: string, self: LockOwner, options: LockOptions): void {
  const now = new Date();
  try {
    if (look(path)?.owner?.nonce === self.nonce) return utimesSync(path, now, now);
  } catch {
    // fall through: the lock is gone or unreadable
  }
  const message = `Shelf lost the writer lock ${path} (another process took it while this one was not running): stopping, so that two processes never write the same logs.`;
  if (options.onLost) return options.onLost(message);
  console.error(message);
  process.exit(1);
}

function release(path: string, self: LockOwner): void {
  if (look(path)?.owner?.nonce !== self.nonce) return; // not ours (any more)
  rmSync(path, { recursive: true, force: true });
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

function once(fn: () => void): () => void {
  let done = false;
  return () => {
    if (!done) {
      done = true;
      fn();
    }
  };
}
