import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { StoreLockedError } from './errors';
import { LOCK_FILE } from './lock';
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
