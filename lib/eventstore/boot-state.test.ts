import { appendFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CorruptLogError } from './errors';
import { LOCK_FILE } from './lock';
import { openCounter, tempDir } from './testing/counter';

const line = (seq: number, n: number, id = `id-${seq}`) =>
  JSON.stringify({ seq, id, type: 'Added', at: '2026-11-23T08:00:00.000Z', data: { n } }) + '\n';

async function logWith(...lines: string[]) {
  const dir = tempDir();
  writeFileSync(join(dir, 'counter.jsonl'), lines.join(''));
  return { dir, file: join(dir, 'counter.jsonl') };
}

describe('boot', () => {
  it('truncates a torn last line with a warning, keeps a copy, and accepts writes after it', async () => {
    const { dir, file } = await logWith(line(1, 1), line(2, 2), '{"seq":3,"id":"id-3","ty');
    const warnings: string[] = [];
    const store = openCounter(dir, { warn: (m) => warnings.push(m) });
    await store.ready;
    expect(store.version()).toBe(2);
    expect(readFileSync(file, 'utf8')).toBe(line(1, 1) + line(2, 2));
    expect(warnings.join()).toMatch(/truncated a torn last line/);
    expect(readFileSync(`${file}.torn`, 'utf8')).toContain('{"seq":3,"id":"id-3","ty');
    await expect(store.dispatch({ type: 'Added', data: { n: 3 } })).resolves.toMatchObject({ seq: 3 });
    await store.close();
  });

  it('boots a log holding an event the rules refuse today (replay only evolves), and decides new dispatches by the rules', async () => {
    const { dir } = await logWith(line(1, 1), line(2, 5000));
    const store = openCounter(dir);
    await store.ready;
    expect(store.snapshot().total).toBe(5001);
    await expect(store.dispatch({ type: 'Added', data: { n: 1 } })).rejects.toThrow(/over 1000/);
    expect(store.version()).toBe(2);
    await store.close();
  });

  it('keeps a whole last event that only lost its newline', async () => {
    const { dir, file } = await logWith(line(1, 1), line(2, 2).trimEnd());
    const store = openCounter(dir);
    await store.ready;
    expect(store.snapshot().total).toBe(3);
    expect(readFileSync(file, 'utf8')).toBe(line(1, 1) + line(2, 2));
    await store.close();
  });

  const corrupt: [string, string[], RegExp][] = [
    ['bad JSON', [line(1, 1), '{oops\n', line(3, 3)], /counter\.jsonl:2: not JSON/],
    ['a schema failure', [line(1, 1), line(2, 2).replace('"n":2', '"n":"two"'), line(3, 3)], /:2: Added fails its schema: data\.n/],
    ['a seq gap', [line(1, 1), line(3, 3)], /:2: seq 3 where 2 was expected/],
    ['a repeated id', [line(1, 1), line(2, 2, 'id-1')], /:2: id id-1 repeats event 1/],
    ['an empty line', [line(1, 1), '\n', line(2, 2)], /:2: not JSON/],
    ['a bad first line', ['[]\n', line(1, 1)], /:1: not a JSON object/],
  ];
  for (const [what, lines, message] of corrupt) {
    it(`refuses to boot on ${what}, naming file and line, and leaves the file byte-identical`, async () => {
      const { dir, file } = await logWith(...lines);
      const before = readFileSync(file);
      const store = openCounter(dir);
      await expect(store.ready).rejects.toBeInstanceOf(CorruptLogError);
      await expect(store.ready).rejects.toThrow(message);
      expect(readFileSync(file).equals(before)).toBe(true);
      expect(existsSync(`${file}.torn`)).toBe(false);
      expect(existsSync(join(dir, LOCK_FILE))).toBe(false); // a failed boot releases the directory
      await expect(store.dispatch({ type: 'Added', data: { n: 1 } })).rejects.toBeInstanceOf(CorruptLogError);
    });
  }

  it('a bad middle line stays fatal even when the tail is also torn', async () => {
    const { dir, file } = await logWith(line(1, 1), 'garbage\n', line(3, 3), '{"seq":4');
    const before = readFileSync(file);
    await expect(openCounter(dir).ready).rejects.toThrow(/:2: not JSON/);
    expect(readFileSync(file).equals(before)).toBe(true);
  });

  it('boots an empty directory and an empty file', async () => {
    const dir = tempDir();
    const store = openCounter(join(dir, 'nested', 'events'));
    await store.ready;
    expect(store.version()).toBe(0);
    await store.close();
    const { dir: withEmptyFile, file } = await logWith();
    appendFileSync(file, '');
    const again = openCounter(withEmptyFile);
    await again.ready;
    expect(again.version()).toBe(0);
    await again.close();
  });
});
