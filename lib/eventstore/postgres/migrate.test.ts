// Moving in and out: `npm run migrate` copies JSON-lines logs into the database unchanged (and
// refuses a store already there); `npm run export-log` prints the same lines back from it.
import { execFile } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { openCounter, tempDir } from '../testing/counter';
import { createHub } from './hub';
import { openPgCounter } from './testing/pg-counter';
import { testServer } from './testing/database';

const run = promisify(execFile);
const root = join(import.meta.dirname, '..', '..', '..');
const server = await testServer();
// DROP DATABASE waits for a checkpoint: slow on a busy machine.
afterAll(() => server.dropAll(), 120_000);

function script(name: string, args: string[], env: Record<string, string>) {
  return run(process.execPath, ['--import', 'tsx', join(root, 'scripts', `${name}.ts`), ...args], { cwd: root, env: { ...process.env, ...env } });
}

describe.skipIf(server.skip !== undefined)('migrate and export-log', () => {
  it('copies a directory of logs in, refuses to copy a store twice, and exports the same lines', { timeout: 60_000 }, async () => {
    const url = await server.createDatabase();
    const dir = tempDir();
    const files = openCounter(dir, { now: () => new Date('2026-11-01T10:00:00.000Z') });
    for (let n = 1; n <= 30; n++) await files.dispatch({ type: 'Added', data: { n }, ...(n % 3 ? {} : { id: `key-${n}` }) });
    await files.close();
    const original = readFileSync(join(dir, 'counter.jsonl'), 'utf8');

    const first = await script('migrate', [dir], { DATABASE_URL: url });
    expect(first.stdout).toContain('counter: copied 30 events');
    await expect(script('migrate', [dir], { DATABASE_URL: url })).rejects.toMatchObject({
      code: 1,
      stdout: expect.stringContaining('counter: refused: the database already holds 30 events of counter'),
    });

    // A log with a bad line is refused whole: nothing of it is copied.
    const badDir = tempDir();
    const originalLines = original.split('\n');
    writeFileSync(join(badDir, 'gappy.jsonl'), `${originalLines[0]}\n${originalLines[2]}\n`);
    await expect(script('migrate', [badDir], { DATABASE_URL: url })).rejects.toMatchObject({
      stdout: expect.stringMatching(/gappy: refused: .*gappy\.jsonl:2: seq 3 where 2 was expected; nothing copied/),
    });

    // A store on the database boots from the copied log, with the same ids (idempotency survives).
    const hub = createHub(url);
    const store = openPgCounter(hub);
    await store.ready;
    expect(store.snapshot().total).toBe(465);
    const again = await store.dispatch({ type: 'Added', data: { n: 1 }, id: 'key-3' });
    expect(again.seq).toBe(3);
    await store.close();
    await hub.close();

    await expect(script('export-log', ['gappy'], { DATABASE_URL: url })).resolves.toMatchObject({ stdout: '' });
    const exported = await script('export-log', ['counter'], { DATABASE_URL: url });
    const lines = (text: string) => text.split('\n').filter(Boolean).map((l) => JSON.parse(l));
    expect(lines(exported.stdout)).toEqual(lines(original));
    // Key order and layout are the file's: the export is a drop-in log file.
    expect(exported.stdout.split('\n')[0]).toBe(original.split('\n')[0]);

    // And from files (no DATABASE_URL), the committed lines as they are.
    writeFileSync(join(dir, 'counter.jsonl'), `${original}{"seq":31,"torn`);
    const fromFiles = await script('export-log', ['counter'], { EVENTS_DIR: dir, DATABASE_URL: '' });
    expect(fromFiles.stdout).toBe(original);
  });
});
