import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { nodeFiles, type FileLayer } from '../fs/file-layer';
import { StoreUnavailableError } from './errors';
import { openCounter, tempDir } from './testing/counter';

const logLines = (dir: string) => readFileSync(join(dir, 'counter.jsonl'), 'utf8').split('\n').filter(Boolean);
const added = (n: number) => ({ type: 'Added' as const, data: { n } });
const counter = openCounter;

describe('a failed write', () => {
  it('after a failed write (cut off, never acknowledged) reports it in writeHealth, and resumes by itself once a write succeeds', async () => {
    const dir = tempDir();
    const failures = { append: 1, truncate: 1 };
    const files: FileLayer = {
      ...nodeFiles,
      async openAppend(file) {
        const handle = await nodeFiles.openAppend(file);
        return {
          ...handle,
          async append(buf) {
            if (failures.append-- <= 0) return handle.append(buf);
            await handle.append(buf.subarray(0, 10)); // a short write, then the disk is full
            throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
          },
          // The cut-off fails too, once: the next append must redo it before writing.
          truncate: (size) => (failures.truncate-- > 0 ? Promise.reject(new Error('EIO')) : handle.truncate(size)),
        };
      },
    };
    const store = counter(dir, { files });
    await store.ready;
    const failed = store.dispatch(added(1));
    await expect(failed).rejects.toBeInstanceOf(StoreUnavailableError);
    await expect(failed).rejects.toThrow(/the last write failed \(ENOSPC.*nothing of it was recorded/);
    expect(store.writeHealth()).toEqual({ ok: false, reason: expect.stringMatching(/ENOSPC/) });
    expect(store.version()).toBe(0);

    const next = await store.dispatch(added(2));
    expect(next.seq).toBe(1);
    expect(store.writeHealth()).toEqual({ ok: true });
    expect(logLines(dir).map((l) => JSON.parse(l))).toEqual([next]);
    expect(store.snapshot().total).toBe(2);
    await store.close();
  });
});
