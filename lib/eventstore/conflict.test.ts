// Two stores over one shared log (a second backend's case): an append that finds that someone
// else appended first catches up, decides again on the caught-up state, and retries.
import { describe, expect, it } from 'vitest';
import { EventRejectedError } from './errors';
import { MemoryLog, MemoryTable } from './testing/memory-log';
import { openCounter, tempDir } from './testing/counter';

function twoWriters() {
  const table = new MemoryTable();
  const dir = tempDir();
  const a = openCounter(dir, { log: () => new MemoryLog(table) });
  const b = openCounter(dir, { log: () => new MemoryLog(table) });
  return { table, a, b };
}
const added = (n: number) => ({ type: 'Added' as const, data: { n } });

describe('an append that meets another writer first', () => {
  it('catches up (telling subscribers), then appends after the other writer’s events', async () => {
    const { table, a, b } = twoWriters();
    await Promise.all([a.ready, b.ready]);
    const seen: number[] = [];
    a.subscribe((event) => seen.push(event.seq));
    await b.dispatch(added(5));
    const event = await a.dispatch(added(7));
    expect(event.seq).toBe(2);
    expect(seen).toEqual([1, 2]);
    expect(a.snapshot()).toEqual({ total: 12, values: [5, 7] });
    expect(table.rows.map((e) => e.seq)).toEqual([1, 2]);
  });

  it('decides again on the caught-up state: a rule the other writer’s events now break rejects the dispatch', async () => {
    const { table, a, b } = twoWriters();
    await Promise.all([a.ready, b.ready]);
    await b.dispatch(added(600));
    await expect(a.dispatch(added(600))).rejects.toBeInstanceOf(EventRejectedError);
    expect(a.snapshot().total).toBe(600);
    expect(table.rows).toHaveLength(1);
  });
});
