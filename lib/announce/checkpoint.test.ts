import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../eventstore/testing/counter';
import { CHECKPOINT_FILE, readCheckpoint, writeCheckpoint } from './checkpoint';
import { backoffDelay, DEFAULT_RETRY_POLICY } from './retry-policy';

describe('the checkpoint file', () => {
  it('is absent until written, then holds the last seq written, with no temp file left behind', async () => {
    const dir = tempDir();
    const file = join(dir, CHECKPOINT_FILE);
    expect(await readCheckpoint(file)).toBeUndefined();
    await writeCheckpoint(file, 41);
    await writeCheckpoint(file, 42);
    expect(await readCheckpoint(file)).toBe(42);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({ seq: 42 });
    expect(readdirSync(dir)).toEqual([CHECKPOINT_FILE]);
  });

  it('refuses a damaged file instead of starting over', async () => {
    const file = join(tempDir(), CHECKPOINT_FILE);
    writeFileSync(file, '{"seq":');
    await expect(readCheckpoint(file)).rejects.toThrow(`${file}: not JSON; fix or delete it`);
    writeFileSync(file, '{"seq":-1}');
    await expect(readCheckpoint(file)).rejects.toThrow(`${file}: seq: `);
  });
});

describe('backoff', () => {
  const policy = { ...DEFAULT_RETRY_POLICY, baseDelayMs: 1000, maxDelayMs: 10_000 };
  it('doubles per failure, jittered within the upper half, and stops at the cap', () => {
    expect([1, 2, 3, 4].map((n) => backoffDelay(n, policy, () => 0))).toEqual([500, 1000, 2000, 4000]);
    expect([1, 2, 3, 4].map((n) => backoffDelay(n, policy, () => 0.999999))).toEqual([1000, 2000, 4000, 8000]);
    expect(backoffDelay(10, policy, () => 0.5)).toBe(7500);
  });
});
