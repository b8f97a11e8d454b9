import { chmodSync, mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../eventstore/testing/counter';
import { ensurePrivateDir } from './private-dir';

describe('ensurePrivateDir', () => {
  it('creates the events directory readable by its owner only', () => {
    const dir = join(tempDir(), 'srv', 'events');
    ensurePrivateDir(dir);
    expect(statSync(dir).mode & 0o777).toBe(0o700);
  });

  it('leaves a directory that exists as its owner set it', () => {
    const dir = join(tempDir(), 'shared');
    mkdirSync(dir);
    chmodSync(dir, 0o750);
    ensurePrivateDir(dir);
    expect(statSync(dir).mode & 0o777).toBe(0o750);
  });
});
