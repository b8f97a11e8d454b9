// What a store keeps of its latest events: any range of the last `capacity` contiguous events, and
// nothing it would have to make up (older than kept, past the newest, or across a gap).
import { describe, expect, it } from 'vitest';
import type { Envelope } from './event';
import { RecentEvents } from './recent-events';

const event = (seq: number): Envelope => ({ seq, id: `e${seq}`, at: '2026-12-06T00:00:00.000Z', type: 'Counted', data: { n: seq } }) as Envelope;
const seqs = (events: Envelope[] | undefined) => events?.map((e) => e.seq);

describe('RecentEvents', () => {
  it('gives any range of the last events it kept, and none it did not', () => {
    const recent = new RecentEvents(4);
    expect(recent.range(1, 1)).toBeUndefined();
    for (let seq = 11; seq <= 16; seq++) recent.add(event(seq));
    expect(seqs(recent.range(13, 16))).toEqual([13, 14, 15, 16]);
    expect(seqs(recent.range(15, 15))).toEqual([15]);
    expect(recent.range(12, 16)).toBeUndefined(); // evicted
    expect(recent.range(16, 17)).toBeUndefined(); // not applied yet
  });

  it('forgets what came before a gap (events applied after a catch-up it did not see)', () => {
    const recent = new RecentEvents(8);
    for (const seq of [1, 2, 3, 7, 8]) recent.add(event(seq));
    expect(seqs(recent.range(7, 8))).toEqual([7, 8]);
    expect(recent.range(3, 8)).toBeUndefined();
    expect(recent.range(2, 3)).toBeUndefined();
  });
});
