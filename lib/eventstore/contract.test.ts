// The kernel's contract, run against both logs: JSON-lines files and PostgreSQL. An event is
// acknowledged only once durable; seq is contiguous; an id is recorded once; a burst of
// concurrent dispatches is one commit (one fsync / one INSERT round trip), not one per event.
import { readFileSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { join } from 'node:path';
import postgres from 'postgres';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { EventRejectedError } from './errors';
import { createHub, type PgHub } from './postgres/hub';
import { openPgCounter } from './postgres/testing/pg-counter';
import { testServer } from './postgres/testing/database';
import { openCounter, tempDir, type CounterEvent, type CounterState } from './testing/counter';
import type { Envelope, Store, StoreOptions } from './types';

type Extra = Partial<StoreOptions<CounterState, CounterEvent>>;
interface Backend {
  /** A store on a new, empty log; `reopen` opens the same log again. */
  fresh(): Promise<{
    open(extra?: Extra): Store<CounterState, CounterEvent>;
    recorded(): Promise<Envelope[]>;
    /** fsyncs of the log, or append transactions. */
    commits(): number;
    /** Round trips to the database, where there is one. */
    queries?(): number;
  }>;
}

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0).reverse()) await close();
});

const fileBackend: Backend = {
  async fresh() {
    const dir = tempDir();
    // Every commit of the file store ends with one datasync of the log.
    const fh = await open(join(dir, 'probe'), 'w');
    const spy = vi.spyOn(Object.getPrototypeOf(fh) as { datasync(): Promise<void> }, 'datasync');
    await fh.close();
    closers.push(async () => spy.mockRestore());
    return {
      open(extra) {
        const store = openCounter(dir, extra);
        closers.push(() => store.close());
        return store;
      },
      async recorded() {
        const text = readFileSync(join(dir, 'counter.jsonl'), 'utf8');
        return text.split('\n').filter(Boolean).map((line) => JSON.parse(line) as Envelope);
      },
      commits: () => spy.mock.calls.length,
    };
  },
};

const server = await testServer();
// DROP DATABASE waits for a checkpoint: slow on a busy machine.
afterAll(() => server.dropAll(), 120_000);

const pgBackend: Backend = {
  async fresh() {
    const url = await server.createDatabase();
    let appends = 0;
    let queries = 0;
    // An independent connection reads what is committed, as another instance would.
    const reader = postgres(url, { max: 1, onnotice: () => {} });
    closers.push(() => reader.end({ timeout: 1 }));
    const hubs: PgHub[] = [];
    return {
      open(extra) {
        const hub = createHub(url, { onQuery: (q) => {
          queries++;
          if (q.includes('shelf_append')) appends++;
        } });
        hubs.push(hub);
        const store = openPgCounter(hub, extra);
        closers.push(async () => {
          await store.close();
          await hub.close();
        });
        return store;
      },
      async recorded() {
        const rows = await reader<Envelope[]>`select seq::int, id, type, at, data from shelf_events where store = 'counter' order by seq`;
        return rows.map((r) => ({ seq: r.seq, id: r.id, type: r.type, at: r.at, data: r.data }));
      },
      commits: () => appends,
      queries: () => queries,
    };
  },
};

const backends: [string, Backend, string | undefined][] = [
  ['JSON-lines files', fileBackend, undefined],
  ['PostgreSQL', pgBackend, server.skip],
];

const added = (n: number, id?: string) => ({ type: 'Added' as const, data: { n }, ...(id ? { id } : {}) });

for (const [name, backend, skip] of backends) {
  describe.skipIf(skip !== undefined)(`the kernel contract on ${name}`, () => {
    it('acknowledges an event only once it is recorded where another reader sees it', async () => {
      const log = await backend.fresh();
      const store = log.open();
      await store.ready;
      for (let n = 1; n <= 3; n++) {
        const event = await store.dispatch(added(n));
        const recorded = await log.recorded();
        expect(recorded.at(-1)).toEqual(event);
      }
    });

    it('numbers events 1, 2, 3 ... without a gap, rejected ones included in none', async () => {
      const log = await backend.fresh();
      const store = log.open();
      await store.ready;
      // 60 x 20 = 1200: the counter refuses to pass 1000, so the last ten are rejected.
      const results = await Promise.allSettled(Array.from({ length: 60 }, () => store.dispatch(added(20))));
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(50);
      for (const r of results) if (r.status === 'rejected') expect(r.reason).toBeInstanceOf(EventRejectedError);
      const recorded = await log.recorded();
      expect(recorded.map((e) => e.seq)).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
      expect(store.snapshot().total).toBe(1000);
    });

    it('records an id once, in one batch, across batches and after a restart', async () => {
      const log = await backend.fresh();
      const first = log.open();
      await first.ready;
      const [a, b] = await Promise.all([first.dispatch(added(1, 'k-1')), first.dispatch(added(1, 'k-1'))]);
      expect(b).toEqual(a);
      expect(await first.dispatch(added(1, 'k-1'))).toEqual(a);
      await first.close();
      const again = log.open();
      await again.ready;
      expect(await again.dispatch(added(1, 'k-1'))).toEqual(a);
      expect((await log.recorded()).filter((e) => e.id === 'k-1')).toHaveLength(1);
      expect(again.snapshot().total).toBe(1);
    });

    it('commits a burst of concurrent dispatches together (group commit), not one by one', async () => {
      const log = await backend.fresh();
      const store = log.open();
      await store.ready;
      const before = log.commits();
      const queriesBefore = log.queries?.() ?? 0;
      await Promise.all(Array.from({ length: 100 }, (_, i) => store.dispatch(added(1, `burst-${i}`))));
      // On the database, the ids' look-ups are shared too: a handful of round trips, not 100.
      if (log.queries) expect(log.queries() - queriesBefore).toBeLessThanOrEqual(6);
      // The file store sends the first event on its own, then everything queued meanwhile together.
      expect(log.commits() - before).toBeLessThanOrEqual(2);
      expect(await log.recorded()).toHaveLength(100);
    });

    it('replays the recorded log on a restart: same state, same version, events read back', async () => {
      const log = await backend.fresh();
      const first = log.open();
      await first.ready;
      for (let n = 1; n <= 5; n++) await first.dispatch(added(n));
      await first.close();
      const again = log.open();
      await again.ready;
      expect(again.version()).toBe(5);
      expect(again.snapshot()).toEqual({ total: 15, values: [1, 2, 3, 4, 5] });
      expect(await again.read(2, 3)).toEqual((await log.recorded()).slice(1, 3));
      expect(await again.stateAt(2)).toEqual({ total: 3, values: [1, 2] });
    });
  });
}
