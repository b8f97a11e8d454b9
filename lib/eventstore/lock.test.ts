import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { StoreLockedError } from './errors';
import { LOCK_FILE, lockDirectory } from './lock';
import { openCounter, tempDir } from './testing/counter';

const holder = join(import.meta.dirname, 'testing', 'lock-holder.ts');
const children: ChildProcess[] = [];
afterEach(() => children.splice(0).forEach((c) => c.kill('SIGKILL')));

function holdLock(dir: string): Promise<ChildProcess> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', holder, dir], { stdio: ['ignore', 'pipe', 'inherit'] });
    children.push(child);
    child.stdout!.on('data', (d: Buffer) => d.toString().includes('ready') && resolve(child));
    child.on('exit', (code) => reject(new Error(`lock holder exited with ${code}`)));
  });
}

describe('single writer', () => {
  it('refuses a second process on the same directory with a clear message', async () => {
    const dir = tempDir();
    await holdLock(dir);
    const second = openCounter(dir);
    await expect(second.ready).rejects.toBeInstanceOf(StoreLockedError);
    await expect(second.ready).rejects.toThrow(/already in use by process \d+.*Only one Shelf process/);
  });

  it('takes over the lock of a process that crashed', async () => {
    const dir = tempDir();
    const child = await holdLock(dir);
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGKILL');
    await exited;
    expect(existsSync(join(dir, LOCK_FILE))).toBe(true); // left behind by the crash
    const store = openCounter(dir);
    await store.ready;
    await store.dispatch({ type: 'Added', data: { n: 1 } });
    await store.close();
    expect(existsSync(join(dir, LOCK_FILE))).toBe(false);
  });

  it('takes over an unreadable lock file', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, LOCK_FILE), '{"pid":');
    const store = openCounter(dir);
    await store.ready;
    await store.close();
  });

  it('lets stores of one process share the directory', async () => {
    const dir = tempDir();
    const a = openCounter(dir);
    const b = openCounter(dir, { name: 'other' });
    await Promise.all([a.ready, b.ready]);
    await a.close();
    expect(existsSync(join(dir, LOCK_FILE))).toBe(true);
    await b.close();
    expect(existsSync(join(dir, LOCK_FILE))).toBe(false);
  });
});

describe('stale locks never block a start, and the lock never has two holders', () => {
  const ownerFile = (dir: string) => join(dir, LOCK_FILE, 'owner.json');
  const plantLock = (dir: string, owner: Record<string, unknown>, ageMs = 0) => {
    mkdirSync(join(dir, LOCK_FILE));
    writeFileSync(ownerFile(dir), JSON.stringify(owner));
    const then = new Date(Date.now() - ageMs);
    utimesSync(join(dir, LOCK_FILE), then, then);
  };
  const thisMachine = () => JSON.parse(readFileSync(ownerFile(lockedDir), 'utf8'));
  let lockedDir = '';

  it('takes over a lock whose pid now belongs to another process (a reused pid)', async () => {
    lockedDir = tempDir();
    const release = await lockDirectory(lockedDir);
    const real = thisMachine();
    release();
    const other = spawn('sleep', ['30']);
    children.push(other);
    const dir = tempDir();
    // The owner record of a writer that died; its pid was since given to `sleep`, which started later.
    plantLock(dir, { ...real, pid: other.pid, nonce: 'dead-writer', startTicks: '1' });
    const store = openCounter(dir);
    await store.ready;
    expect(JSON.parse(readFileSync(ownerFile(dir), 'utf8')).pid).toBe(process.pid);
    await store.close();
  });

  it('takes over a legacy lock file naming a pid that started after it was written', async () => {
    const other = spawn('sleep', ['30']);
    children.push(other);
    const dir = tempDir();
    writeFileSync(join(dir, LOCK_FILE), JSON.stringify({ pid: other.pid, host: hostname(), since: '2026-01-01T00:00:00Z' }));
    const then = new Date(Date.now() - 3600_000);
    utimesSync(join(dir, LOCK_FILE), then, then);
    const store = openCounter(dir);
    await store.ready;
    await store.close();
  });

  it("takes over another host's lock once its heartbeat stopped, and refuses one whose heartbeat goes on", async () => {
    const gone = tempDir();
    plantLock(gone, { pid: 1, host: 'container-that-was-removed', since: '2026-01-01T00:00:00Z', nonce: 'n1' }, 60_000);
    (await lockDirectory(gone, { staleMs: 1_000 }))();

    const recent = tempDir();
    plantLock(recent, { pid: 1, host: 'container-just-killed', since: '2026-01-01T00:00:00Z', nonce: 'n2' });
    (await lockDirectory(recent, { staleMs: 1_000 }))(); // waited for the heartbeat to go stale

    const alive = tempDir();
    plantLock(alive, { pid: 1, host: 'container-still-running', since: '2026-01-01T00:00:00Z', nonce: 'n3' });
    const beat = setInterval(() => utimesSync(join(alive, LOCK_FILE), new Date(), new Date()), 100);
    try {
      await expect(lockDirectory(alive, { staleMs: 1_000 })).rejects.toThrow(/already in use by process 1 on container-still-running/);
    } finally {
      clearInterval(beat);
    }
  });

  it('gives a stale lock to exactly one of several processes racing for it', async () => {
    const racer = join(import.meta.dirname, 'testing', 'lock-racer.ts');
    // Two directories with a stale lock each, four processes racing for each, all at one instant
    // (far enough ahead for every child to have loaded).
    const dirs = [0, 1].map((round) => {
      const dir = tempDir();
      plantLock(dir, { pid: 999_999, host: hostname(), since: '2026-01-01T00:00:00Z', nonce: `stale-${round}` });
      return dir;
    });
    const startAt = Date.now() + 12_000;
    const race = (dir: string) =>
      new Promise<string>((resolve) => {
        const child = spawn(process.execPath, ['--import', 'tsx', racer, dir, String(startAt)], { stdio: ['ignore', 'pipe', 'inherit'] });
        children.push(child);
        let out = '';
        // Answered once it printed its result; it keeps holding what it got until every racer answered.
        child.stdout!.on('data', (d: Buffer) => {
          out += d;
          if (out.includes('\n')) resolve(out.trim());
        });
        child.on('exit', () => resolve(out.trim()));
      });
    const outputs = await Promise.all(dirs.map((dir) => Promise.all([race(dir), race(dir), race(dir), race(dir)])));
    for (const results of outputs) expect(results.sort()).toEqual(['got', 'locked', 'locked', 'locked']);
  }, 60_000);
});
