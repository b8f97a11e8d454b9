// The database goes away while Shelf runs: reads keep being served from memory, writes fail with
// StoreUnavailableError (503) and nothing is acknowledged, health says why; when it is back the
// instance reconnects and catches up by itself. And at start, an unreachable server is a clear error.
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { StoreUnavailableError } from '../errors';
import { createHub, type HubOptions } from './hub';
import { openPgCounter } from './testing/pg-counter';
import { testServer } from './testing/database';
import { startProxy } from './testing/proxy';

const server = await testServer();
// DROP DATABASE waits for a checkpoint: slow on a busy machine.
afterAll(() => server.dropAll(), 120_000);
const cleanup: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const fn of cleanup.splice(0).reverse()) await fn();
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const added = (n: number, id?: string) => ({ type: 'Added' as const, data: { n }, ...(id ? { id } : {}) });

/** A fresh database, a store that reaches it through a proxy the test can cut, and one event in it. */
async function storeBehindProxy(options: HubOptions) {
  const url = await server.createDatabase();
  const proxy = await startProxy(url);
  cleanup.push(() => proxy.close());
  const hub = createHub(proxy.url, options);
  const store = openPgCounter(hub);
  cleanup.push(() => hub.close(), () => store.close());
  await store.ready;
  await store.dispatch(added(1));
  return { url, proxy, hub, store };
}

describe.skipIf(server.skip !== undefined)('when the database goes away', () => {
  it('serves reads, refuses writes with 503, and reconnects and catches up by itself', { timeout: 30_000 }, async () => {
    const { url, proxy, hub, store } = await storeBehindProxy({ pollMs: 100 });
    const other = createHub(url);
    const writer = openPgCounter(other);
    cleanup.push(() => other.close(), () => writer.close());
    await writer.ready;

    await proxy.cut();
    const refused = store.dispatch(added(2, 'while-away'));
    await expect(refused).rejects.toBeInstanceOf(StoreUnavailableError);
    await expect(refused).rejects.toMatchObject({ status: 503 });
    expect(hub.health()).toMatchObject({ ok: false, reason: expect.stringMatching(/database does not answer/) });
    // Reads come from memory.
    expect(store.snapshot()).toEqual({ total: 1, values: [1] });
    expect(store.version()).toBe(1);
    // Meanwhile another instance keeps writing.
    await writer.dispatch(added(10));

    await proxy.restore();
    await vi.waitFor(() => expect(store.version()).toBe(2), { timeout: 10_000, interval: 50 });
    expect(store.snapshot().total).toBe(11);
    expect(hub.health()).toEqual({ ok: true });
    const after = await store.dispatch(added(3, 'while-away'));
    expect(after.seq).toBe(3);
    await vi.waitFor(() => expect(writer.version()).toBe(3), { timeout: 5000, interval: 20 });
    expect((await writer.read(1)).filter((e) => e.id === 'while-away')).toHaveLength(1);
  });

  it('after refusing connections for a while, the next write once it is back succeeds within a second', { timeout: 60_000 }, async () => {
    const { proxy, store } = await storeBehindProxy({ deadlineMs: 3000 });

    await proxy.cut();
    // A few seconds of refused writes, as a phone's retries or a visitor's orders would make.
    for (let i = 0; i < 12; i++) {
      const started = performance.now();
      await expect(store.dispatch(added(100 + i))).rejects.toMatchObject({ status: 503 });
      expect(performance.now() - started).toBeLessThan(3000);
      await sleep(250);
    }
    await proxy.restore();
    const started = performance.now();
    expect((await store.dispatch(added(2))).seq).toBe(2);
    // postgres.js's own backoff would sit this out for up to 20 s after so many failed connects.
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('while the database does not answer at all, each write is refused within the deadline, also one queued behind another; once it answers, the next write goes through at once', { timeout: 60_000 }, async () => {
    const deadlineMs = 2000;
    const { proxy, hub, store } = await storeBehindProxy({ deadlineMs });

    proxy.hold(); // a network cut: nothing refuses, nothing answers
    const timed = (n: number, id?: string) => {
      const started = performance.now();
      return store.dispatch(added(n, id)).then(
        () => ({ ok: true, ms: performance.now() - started }),
        (err: { status?: number }) => ({ ok: false, status: err.status, ms: performance.now() - started }),
      );
    };
    const first = timed(2, 'during-the-cut');
    await sleep(500);
    const queued = timed(3); // waits for the first one's append, then for its own
    for (const outcome of await Promise.all([first, queued])) {
      expect(outcome).toMatchObject({ ok: false, status: 503 });
      expect(outcome.ms).toBeLessThan(deadlineMs);
    }
    expect(hub.health()).toMatchObject({ ok: false, reason: expect.stringMatching(/no answer within/) });
    const later = await timed(4);
    expect(later).toMatchObject({ ok: false, status: 503 });
    expect(later.ms).toBeLessThan(deadlineMs);

    proxy.release();
    const back = await timed(5);
    expect(back).toMatchObject({ ok: true });
    expect(back.ms).toBeLessThan(1000);
    expect(hub.health()).toEqual({ ok: true });
    // The write that ran out of time may have landed after all; a retry with its id never makes it twice.
    await store.dispatch(added(2, 'during-the-cut'));
    expect((await store.read(1)).filter((e) => e.id === 'during-the-cut')).toHaveLength(1);
  });

  it('at start, names the host and what to check', async () => {
    const hub = createHub('postgres://shelf:shelf@127.0.0.1:1/shelf');
    cleanup.push(() => hub.close());
    const store = openPgCounter(hub);
    await expect(store.ready).rejects.toThrow(/cannot reach PostgreSQL at 127\.0\.0\.1:1\/shelf \(DATABASE_URL\).*Check that the server is running/);
  });
});
