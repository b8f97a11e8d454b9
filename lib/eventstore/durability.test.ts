// Durability, tested so that it can fail: the store writes through a file layer that loses
// whatever was not fsynced when it "crashes" (lib/fs/testing/crashable-files.ts), then a real
// store boots from what survived. Remove any fsync of the log, the snapshot, a document or a
// directory, and one of these tests fails.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createStandaloneDocument } from '../documents/document';
import { CrashableFiles } from '../fs/testing/crashable-files';
import { writeFileAtomically } from '../fs/write-atomically';
import { openCounter, tempDir } from './testing/counter';

const added = (n: number) => ({ type: 'Added' as const, data: { n } });

describe('durability over a file layer that crashes', () => {
  it('keeps every acknowledged event of the log (fdatasync before the ack, the new log file named durably)', async () => {
    const files = new CrashableFiles();
    const store = openCounter(tempDir(), { files });
    const acked = await Promise.all(Array.from({ length: 30 }, (_, i) => store.dispatch(added(i))));
    const crashed = files.crash(); // before close: nothing more gets a chance to sync
    await store.close();

    const rebooted = openCounter(crashed);
    await rebooted.ready;
    expect(rebooted.version()).toBe(30);
    expect((await rebooted.read(1)).map((e) => e.id)).toEqual(acked.map((e) => e.id));
    await rebooted.close();
  });

  it('keeps a written snapshot whole (fsync of the temp file and of the directory)', async () => {
    const files = new CrashableFiles();
    const store = openCounter(tempDir(), { files, snapshot: { version: 1, every: 5 } });
    for (let i = 0; i < 5; i++) await store.dispatch(added(i));
    await store.close(); // waits for the snapshot
    const crashed = files.crash();

    const warnings: string[] = [];
    const rebooted = openCounter(crashed, { snapshot: { version: 1, every: 5 }, warn: (m) => warnings.push(m) });
    await rebooted.ready;
    expect(warnings).toEqual([]);
    expect(JSON.parse(readFileSync(join(crashed, 'counter.snapshot.json'), 'utf8'))).toMatchObject({ seq: 5, state: { total: 10 } });
    expect(existsSync(join(crashed, 'counter.snapshot.index'))).toBe(true);
    await rebooted.close();
  });

  it('keeps an updated document (lowdb over the atomic write)', async () => {
    const files = new CrashableFiles();
    const file = join(tempDir(), 'checkpoint.json');
    const doc = createStandaloneDocument(file, z.object({ seq: z.number() }), () => ({ seq: 0 }), files);
    await doc.update(() => ({ seq: 41 }));
    await doc.update((d) => ({ seq: d.seq + 1 }));
    const crashed = files.crash();
    expect(JSON.parse(readFileSync(join(crashed, 'checkpoint.json'), 'utf8'))).toEqual({ seq: 42 });
  });

  it('replaces a file so that a crash leaves the old one or the new one, never an empty or half one', async () => {
    const files = new CrashableFiles();
    const file = join(tempDir(), 'state.json');
    await writeFileAtomically(file, '{"v":1}', files);
    expect(readFileSync(join(files.crash(), 'state.json'), 'utf8')).toBe('{"v":1}');
    await writeFileAtomically(file, '{"v":2}', files);
    expect(readFileSync(join(files.crash(), 'state.json'), 'utf8')).toBe('{"v":2}');
  });
});
