// Several Shelf instances on one database: each sees the others' events (LISTEN/NOTIFY), writes
// are serialised so the rules see every earlier event, a killed writer loses nothing it
// acknowledged, and leadership moves to another instance when the leader dies.
import { join } from 'node:path';
import postgres from 'postgres';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import type { CounterEvent, CounterState } from '../testing/counter';
import type { Store } from '../types';
import { databaseCheckpoint } from './checkpoints';
import { createHub, type PgHub } from './hub';
import { runAsLeader } from './leader';
import { openPgCounter } from './testing/pg-counter';
import { spawnTs, type Child } from './testing/child';
import { testServer } from './testing/database';

const server = await testServer();
// DROP DATABASE waits for a checkpoint: slow on a busy machine.
afterAll(() => server.dropAll(), 120_000);
const cleanup: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const fn of cleanup.splice(0).reverse()) await fn();
});

/** One "instance": its own connection pool and store on the database. Polling is slowed so that only NOTIFY can be fast. */
async function instance(url: string, pollMs = 60_000): Promise<{ hub: PgHub; store: Store<CounterState, CounterEvent> }> {
  const hub = createHub(url, { pollMs });
  const store = openPgCounter(hub);
  cleanup.push(() => hub.close(), () => store.close());
  await store.ready;
  return { hub, store };
}
const testing = join(import.meta.dirname, 'testing');

describe.skipIf(server.skip !== undefined)('two instances on one database', () => {
  it('an event written on one is applied and announced to subscribers on the other within a second', async () => {
    const url = await server.createDatabase();
    const [a, b] = [await instance(url), await instance(url)];
    const seen: number[] = [];
    b.store.subscribe((event) => seen.push(event.seq));
    // The first may also arrive by the catch-up B runs once its LISTEN is set up; the second can only come by NOTIFY.
    const first = await a.store.dispatch({ type: 'Added', data: { n: 7 } });
    await vi.waitFor(() => expect(seen).toEqual([first.seq]), { timeout: 5000, interval: 10 });
    const second = await a.store.dispatch({ type: 'Added', data: { n: 3 } });
    await vi.waitFor(() => expect(seen).toEqual([first.seq, second.seq]), { timeout: 1000, interval: 10 });
    expect(b.store.snapshot()).toEqual({ total: 10, values: [7, 3] });
    expect(await b.store.read(1)).toEqual([first, second]);
  });

  it('serialises writes from both, so the rules see every earlier event', async () => {
    const url = await server.createDatabase();
    const [a, b] = [await instance(url), await instance(url)];
    // 80 x 20 = 1600 offered; the counter refuses to pass 1000, whichever instance writes.
    const results = await Promise.allSettled(
      Array.from({ length: 80 }, (_, i) => (i % 2 ? a : b).store.dispatch({ type: 'Added', data: { n: 20 } })),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(50);
    // Each follows the other's events (NOTIFY; polling is slowed down to a minute here).
    await vi.waitFor(() => expect([a.store.version(), b.store.version()]).toEqual([50, 50]), { timeout: 5000, interval: 20 });
    for (const x of [a, b]) {
      expect(x.store.version()).toBe(50);
      expect(x.store.snapshot().total).toBe(1000);
    }
    const seqs = (await a.store.read(1)).map((e) => e.seq);
    expect(seqs).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
  });

  it('a writer killed mid-burst loses nothing it acknowledged, and records nothing twice', { timeout: 60_000 }, async () => {
    const url = await server.createDatabase();
    const other = await instance(url);
    const acked = new Map<string, number>();
    for (let round = 0; round < 3; round++) {
      const child = spawnTs(join(testing, 'pg-writer.ts'), [url, `round${round}`]);
      cleanup.push(() => child.kill());
      await child.waitFor((l) => l === 'ready');
      // The other instance writes at the same time: the killed one's batches race with these.
      const mine = Array.from({ length: 30 }, (_, i) => other.store.dispatch({ type: 'Added', data: { n: 0 }, id: `other-${round}-${i}` }));
      await child.waitFor(() => child.lines.length > 40 + Math.floor(Math.random() * 100));
      await child.kill();
      for (const e of await Promise.all(mine)) acked.set(e.id, e.seq);
      for (const line of child.lines) {
        const [seq, id] = line.split(' ');
        if (id) acked.set(id, Number(seq));
      }
    }
    const db = postgres(url, { max: 1 });
    cleanup.push(() => db.end());
    const rows = await db<{ seq: string; id: string }[]>`select seq, id from shelf_events where store = 'counter' order by seq`;
    expect(rows.map((r) => Number(r.seq))).toEqual(rows.map((_, i) => i + 1));
    const recorded = new Map(rows.map((r) => [r.id, Number(r.seq)]));
    expect(recorded.size).toBe(rows.length);
    for (const [id, seq] of acked) expect(recorded.get(id)).toBe(seq);
  });

  it('hands leadership to another instance when the leader dies, and the checkpoint is shared', { timeout: 30_000 }, async () => {
    const url = await server.createDatabase();
    const leader: Child = spawnTs(join(testing, 'pg-leader.ts'), [url]);
    cleanup.push(() => leader.kill());
    await leader.waitFor((l) => l === 'elected');
    const hub = createHub(url);
    cleanup.push(() => hub.close());
    let elected = 0;
    const mine = runAsLeader(hub, 'test-role', { checkMs: 100, onElected: () => void elected++, onDeposed: () => {} });
    cleanup.push(() => mine.stop());
    // While the other holds the lock, this one only tries (several times over).
    await new Promise((r) => setTimeout(r, 500));
    expect(mine.isLeader()).toBe(false);
    await leader.kill();
    await vi.waitFor(() => expect(mine.isLeader()).toBe(true), { timeout: 5000, interval: 50 });
    expect(elected).toBe(1);

    const checkpoint = databaseCheckpoint(hub.sql, 'announcer');
    expect(await checkpoint.read()).toBeUndefined();
    await checkpoint.write(42);
    const other = createHub(url);
    cleanup.push(() => other.close());
    await other.ready;
    expect(await databaseCheckpoint(other.sql, 'announcer').read()).toBe(42);
  });
});
