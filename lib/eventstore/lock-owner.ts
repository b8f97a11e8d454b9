// Who holds a lock, and whether that holder is still alive, as far as this process can tell:
// same host, boot and pid namespace means the pid and its start time decide; anywhere else only
// the lock's heartbeat can (see lock.ts for the scheme).
import { randomUUID } from 'node:crypto';
import { readFileSync, readlinkSync } from 'node:fs';
import { hostname } from 'node:os';

export interface LockOwner {
  pid: number;
  host: string;
  since: string;
  /** Unique per acquisition. */
  nonce?: string;
  /** Linux: /proc/sys/kernel/random/boot_id, the pid namespace, and the process's start time in clock ticks since boot. */
  bootId?: string;
  pidNs?: string;
  startTicks?: string;
}

export const readText = (path: string) => {
  try {
    return readFileSync(path, 'utf8').trim();
  } catch {
    return undefined;
  }
};

/** The start time of a process in clock ticks since boot (field 22 of /proc/<pid>/stat), where there is a /proc. */
export function startTicks(pid: number | 'self'): string | undefined {
  const stat = readText(`/proc/${pid}/stat`);
  if (!stat) return undefined;
  return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
}

function pidNamespace(): string | undefined {
  try {
    return readlinkSync('/proc/self/ns/pid');
  } catch {
    return undefined;
  }
}

/** This process as a lock owner. */
export function me(): LockOwner {
  return {
    pid: process.pid,
    host: hostname(),
    since: new Date().toISOString(),
    nonce: randomUUID(),
    bootId: readText('/proc/sys/kernel/random/boot_id'),
    pidNs: pidNamespace(),
    startTicks: startTicks('self'),
  };
}

export function pidExists(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export type Verdict = 'live' | 'stale' | 'heartbeat';

/**
 * What can be said of an owner from here: `live`, `stale`, or `heartbeat` (it may run where this
 * process cannot see it: only its heartbeat tells).
 */
export function judgeOwner(owner: LockOwner | undefined, self: LockOwner = me()): Verdict {
  if (!owner || typeof owner.pid !== 'number') return 'stale'; // unreadable: a lock always has its record
  // Another host, another boot, or another container's pid namespace: its pid means nothing here.
  if (owner.host !== self.host || owner.bootId !== self.bootId || owner.pidNs !== self.pidNs) return 'heartbeat';
  if (owner.pid === self.pid && owner.startTicks === self.startTicks) return 'stale'; // our own leftover (not held: see lockDirectory)
  if (!pidExists(owner.pid)) return 'stale';
  if (owner.startTicks !== undefined && self.startTicks !== undefined) {
    return startTicks(owner.pid) === owner.startTicks ? 'live' : 'stale'; // the pid now belongs to another process
  }
  return 'live';
}
