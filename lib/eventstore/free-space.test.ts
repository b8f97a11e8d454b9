import { describe, expect, it } from 'vitest';
import { collect } from './testing/collect';
import { StoreUnavailableError } from './errors';
import { FreeSpaceFloor, minFreeBytesFromEnv } from './free-space';
import { openCounter, tempDir } from './testing/counter';

const MiB = 1 << 20;

function floorWith(free: number, floor = 64 * MiB) {
  const disk = { free, reads: 0, clock: 0 };
  const guard = new FreeSpaceFloor(floor, async () => (disk.reads++, disk.free), 'test.jsonl', () => disk.clock);
  return { disk, guard };
}

describe('the free-space floor', () => {
  it('refuses writes under MIN_FREE_BYTES with a clear error, and takes them again once space is freed', async () => {
    const { disk, guard } = floorWith(10 * MiB);
    await expect(guard.check()).rejects.toBeInstanceOf(StoreUnavailableError);
    await expect(guard.check()).rejects.toThrow(/only 10 MiB free, under the floor of 64 MiB \(MIN_FREE_BYTES\)/);
    expect(guard.refusal()).toMatch(/under the floor/);
    disk.free = 500 * MiB;
    disk.clock += 100; // under the floor, a reading is repeated after 50 ms, not after a second
    await expect(guard.check()).resolves.toBeUndefined();
    expect(guard.refusal()).toBeUndefined();
  });

  it('asks the file system at most once a second while above the floor, counting the bytes written in between', async () => {
    const { disk, guard } = floorWith(65 * MiB);
    for (let i = 0; i < 100; i++) await guard.check();
    expect(disk.reads).toBe(1);
    guard.wrote(2 * MiB); // 63 MiB left by the estimate: the next check reads again, and refuses
    await expect(guard.check()).rejects.toBeInstanceOf(StoreUnavailableError);
    disk.clock += 1000;
    await guard.check().catch(() => {});
    expect(disk.reads).toBe(2);
  });

  it('is off at 0, and reads MIN_FREE_BYTES from the environment (64 MiB by default)', async () => {
    const { disk, guard } = floorWith(0, 0);
    await guard.check();
    expect(disk.reads).toBe(0);
    expect(minFreeBytesFromEnv({})).toBe(64 * MiB);
    expect(minFreeBytesFromEnv({ MIN_FREE_BYTES: '0' })).toBe(0);
    expect(() => minFreeBytesFromEnv({ MIN_FREE_BYTES: '64M' })).toThrow(/MIN_FREE_BYTES must be a whole number/);
  });

  it('stops a store from writing (nothing appended) and reports it in writeHealth', async () => {
    const store = openCounter(tempDir(), { minFreeBytes: Number.MAX_SAFE_INTEGER });
    await store.ready;
    await expect(store.dispatch({ type: 'Added', data: { n: 1 } })).rejects.toBeInstanceOf(StoreUnavailableError);
    expect(store.version()).toBe(0);
    expect(await collect(store.export())).toEqual([]);
    expect(store.writeHealth()).toEqual({ ok: false, reason: expect.stringMatching(/under the floor/) });
    await store.close();
  });
});
