import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openCounter, tempDir } from '../eventstore/testing/counter';
import { removeStaleTempFiles, writeFileAtomically } from './write-atomically';

describe('writeFileAtomically', () => {
  it('creates and then replaces a file, leaving no temp file behind', async () => {
    const dir = tempDir();
    const file = join(dir, 'state.json');
    await writeFileAtomically(file, '{"v":1}');
    await writeFileAtomically(file, '{"v":2}');
    expect(readFileSync(file, 'utf8')).toBe('{"v":2}');
    expect(readdirSync(dir)).toEqual(['state.json']);
  });

  it('fails loudly when the directory does not exist', async () => {
    await expect(writeFileAtomically(join(tempDir(), 'missing', 'x.json'), '{}')).rejects.toThrow(/ENOENT/);
  });

  it('gives every write its own temp file: two writes of one file at once both succeed, and one of them wins whole', async () => {
    const dir = tempDir();
    const file = join(dir, 'state.json');
    const a = JSON.stringify({ v: 'a'.repeat(100_000) });
    const b = JSON.stringify({ v: 'b'.repeat(100_000) });
    await Promise.all([writeFileAtomically(file, a), writeFileAtomically(file, b)]);
    expect([a, b]).toContain(readFileSync(file, 'utf8'));
    expect(readdirSync(dir)).toEqual(['state.json']);
  });
});

describe('removeStaleTempFiles', () => {
  it('removes the temp files of writes a dead process left behind, and nothing else', () => {
    const dir = tempDir();
    const otherPid = process.pid + 1;
    for (const name of [`.media.snapshot.json.${otherPid}.tmp`, `.orderbook.init.json.${otherPid}.a1b2c3d4e5f6.tmp`, 'media.jsonl', '.writer.lock', 'notes.tmp']) {
      writeFileSync(join(dir, name), 'x');
    }
    // This process's own temp files may belong to a write in flight (another store of this process).
    writeFileSync(join(dir, `.auth.json.${process.pid}.0123456789ab.tmp`), 'x');
    expect(removeStaleTempFiles(dir).sort()).toEqual([`.media.snapshot.json.${otherPid}.tmp`, `.orderbook.init.json.${otherPid}.a1b2c3d4e5f6.tmp`]);
    expect(readdirSync(dir).sort()).toEqual([`.auth.json.${process.pid}.0123456789ab.tmp`, '.writer.lock', 'media.jsonl', 'notes.tmp']);
  });

  it('runs when a store boots', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, `.counter.snapshot.json.${process.pid + 1}.tmp`), '{"half');
    const warnings: string[] = [];
    const store = openCounter(dir, { warn: (m) => warnings.push(m) });
    await store.ready;
    expect(readdirSync(dir).filter((n) => n.endsWith('.tmp'))).toEqual([]);
    expect(warnings.join()).toMatch(/removed \.counter\.snapshot\.json\.\d+\.tmp, left by an interrupted write/);
    await store.close();
  });
});
