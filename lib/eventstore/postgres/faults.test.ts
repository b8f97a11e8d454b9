// The database goes away while Shelf runs: reads keep being served from memory, writes fail with
// StoreUnavailableError (503) and nothing is acknowledged, health says why; when it is back the
// instance reconnects and catches up by itself. And at start, an unreachable server is a clear error.
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { StoreUnavailableError } from '../errors';
import { createHub } from './hub';
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

const added = (n: number, id?: string) => ({ type: 'Added' as const, data: { n }, ...(id ? { id } : {}) });

describe.skipIf(server.skip !== undefined)('when the database goes away', () => {
  it('serves reads, refuses writes with 503, and reconnects and catches up by itself', { timeout: 30_000 }, async () => {
    const url = await server.createDatabase();
    const proxy = await startProxy(url);
    cleanup.push(() => proxy.close());
    const hub = createHub(proxy.url, { pollMs: 100 });
    const store = openPgCounter(hub);
    cleanup.push(() => hub.close(), () => store.close());
    const other = createHub(url);
    const writer = openPgCounter(other);
    cleanup.push(() => other.close(), () => writer.close());
    await Promise.all([store.ready, writer.ready]);
    await store.dispatch(added(1));

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

  it('at start, names the host and what to check', async () => {
    const hub = createHub('postgres://shelf:shelf@127.0.0.1:1/shelf');
    cleanup.push(() => hub.close());
    const store = openPgCounter(hub);
    await expect(store.ready).rejects.toThrow(/cannot reach PostgreSQL at 127\.0\.0\.1:1\/shelf \(DATABASE_URL\).*Check that the server is running/);
  });
});
