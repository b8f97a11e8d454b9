import { describe, expect, it } from 'vitest';
import { FreeSpaceFloor } from '../eventstore/free-space';
import { createDemoRoom, demoFloorBytes, demoLogBytes, ORDER_LINE_BYTES } from './demo-room';

const MiB = 1024 * 1024;

/** A disk whose free space the test sets, read through the same floor the server uses. */
function disk(free: number) {
  const state = { free, clock: 0 };
  const floor = new FreeSpaceFloor(demoFloorBytes(64 * MiB), async () => state.free, 'the demo', () => state.clock);
  return { state, floor };
}
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('the room the demo may take', () => {
  it("stops at four times the owner's floor, long before the owner's own writes stop", async () => {
    expect(demoFloorBytes(64 * MiB)).toBe(256 * MiB);
    expect(demoFloorBytes(0)).toBe(256 * MiB); // the owner's floor off: the demo still keeps off the last bytes
    const { state, floor } = disk(300 * MiB);
    const room = createDemoRoom(256 * MiB, floor);
    room.fullReason(0);
    await settle();
    expect(room.fullReason(0)).toBeNull();
    state.free = 200 * MiB; // the owner (floor 64 MiB) still has 136 MiB to spare
    state.clock += 1000;
    room.fullReason(0);
    await settle();
    expect(room.fullReason(0)).toMatch(/^Demo full: .*paused while the disk is low on space.*200 MiB free/);
    state.free = 400 * MiB;
    state.clock += 1000;
    room.fullReason(0);
    await settle();
    expect(room.fullReason(0)).toBeNull();
  });

  it('counts the log in bytes, or by its events where the backend counts no bytes (PostgreSQL)', () => {
    expect(demoLogBytes({ logBytes: () => 12_345, version: () => 80 })).toBe(12_345);
    expect(demoLogBytes({ logBytes: () => undefined, version: () => 1000 })).toBe(1000 * ORDER_LINE_BYTES);
  });
});
