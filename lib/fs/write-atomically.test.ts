import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../eventstore/testing/counter';
import { writeFileAtomically } from './write-atomically';

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
});
