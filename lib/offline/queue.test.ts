import { describe, expect, it } from 'vitest';
import { edited, flushQueue, queued, type QueuedEntry, type QueueStorage, type SendEntry } from './queue';

function memoryStorage(items: QueuedEntry[] = []): QueueStorage & { items: Map<string, QueuedEntry> } {
  const map = new Map(items.map((item) => [item.key, item]));
  return {
    items: map,
    all: async () => [...map.values()],
    get: async (key) => map.get(key),
    put: async (item) => void map.set(item.key, item),
    remove: async (key) => void map.delete(key),
  };
}

const at = (minute: number) => new Date(Date.UTC(2026, 10, 20, 10, minute));
const book = (title: string) => ({ kind: 'book', title, finishedOn: '2026-11-20' });

describe('flushQueue', () => {
  it('sends oldest first with each entry’s own key, and removes what the server confirmed', async () => {
    const storage = memoryStorage([queued(book('Second'), 'k2', at(2)), queued(book('First'), 'k1', at(1))]);
    const calls: string[] = [];
    const result = await flushQueue(storage, async (item) => {
      calls.push(`${item.key}:${item.entry.title}`);
      return { status: 201, body: { entry: { id: `id-${item.key}` } } };
    });
    expect(calls).toEqual(['k1:First', 'k2:Second']);
    expect(result).toEqual({ sent: [{ key: 'k1', title: 'First', entryId: 'id-k1' }, { key: 'k2', title: 'Second', entryId: 'id-k2' }], refused: 0, needsLogin: false, retryLater: false });
    expect(storage.items.size).toBe(0);
  });

  it('keeps an entry whose answer never came, and retries it later with the same key and day', async () => {
    const storage = memoryStorage([queued(book('Lost answer'), 'k1', at(1)), queued(book('Behind it'), 'k2', at(2))]);
    const first = await flushQueue(storage, async () => {
      throw new TypeError('Failed to fetch');
    });
    expect(first).toMatchObject({ sent: [], retryLater: true });
    expect(storage.items.get('k1')).toMatchObject({ state: 'waiting', attempts: 1, reason: 'Not sent yet: Failed to fetch' });
    expect(storage.items.get('k2')).toMatchObject({ state: 'waiting', attempts: 0 }); // not tried: order is kept

    const sentWith: string[] = [];
    await flushQueue(storage, async (item) => {
      sentWith.push(`${item.key}:${item.entry.finishedOn}`);
      return { status: 201, body: {} };
    });
    expect(sentWith).toEqual(['k1:2026-11-20', 'k2:2026-11-20']);
    expect(storage.items.size).toBe(0);
  });

  it('keeps a refused entry with the reason and fields, and goes on with the rest', async () => {
    const storage = memoryStorage([queued(book('Bad'), 'k1', at(1)), queued(book('Good'), 'k2', at(2))]);
    const send: SendEntry = async (item) =>
      item.key === 'k1' ? { status: 400, body: { error: 'Please fix: rating', fields: { rating: 'Rating must be at most 5' } } } : { status: 201, body: {} };
    const result = await flushQueue(storage, send);
    expect(result.sent.map((s) => s.key)).toEqual(['k2']);
    expect(result.refused).toBe(1);
    expect(storage.items.get('k1')).toMatchObject({ state: 'refused', reason: 'Please fix: rating', fields: { rating: 'Rating must be at most 5' } });

    // Not resent by itself; an edit makes it wait again, under the same key.
    const again: string[] = [];
    await flushQueue(storage, async (item) => (again.push(item.key), { status: 201, body: {} }));
    expect(again).toEqual([]);
    await storage.put(edited(storage.items.get('k1')!, { ...book('Fixed'), rating: 4 }));
    expect(storage.items.get('k1')).toMatchObject({ key: 'k1', state: 'waiting', reason: undefined, fields: undefined, entry: { title: 'Fixed', rating: 4, finishedOn: '2026-11-20' } });
    await flushQueue(storage, async (item) => (again.push(item.key), { status: 201, body: {} }));
    expect(again).toEqual(['k1']);
    expect(storage.items.size).toBe(0);
  });

  it('stops at an expired session, keeps everything, and sends it all after a login', async () => {
    const storage = memoryStorage([queued(book('A'), 'k1', at(1)), queued(book('B'), 'k2', at(2))]);
    const expired = await flushQueue(storage, async () => ({ status: 401, body: { error: 'not logged in' } }));
    expect(expired).toMatchObject({ needsLogin: true, sent: [] });
    expect(storage.items.get('k1')!.state).toBe('needs-login');
    expect(storage.items.get('k2')!.state).toBe('waiting');

    const afterLogin = await flushQueue(storage, async () => ({ status: 201, body: {} }));
    expect(afterLogin.sent.map((s) => s.key)).toEqual(['k1', 'k2']);
    expect(storage.items.size).toBe(0);
  });

  it('treats a 5xx or 429 as "later", not as a refusal', async () => {
    for (const status of [500, 503, 429]) {
      const storage = memoryStorage([queued(book('A'), 'k1', at(1))]);
      const result = await flushQueue(storage, async () => ({ status, body: { error: 'busy' } }));
      expect(result.retryLater).toBe(true);
      expect(storage.items.get('k1')).toMatchObject({ state: 'waiting', reason: 'Not sent yet: busy' });
    }
  });

  it('skips an entry removed while earlier ones were being sent', async () => {
    const storage = memoryStorage([queued(book('A'), 'k1', at(1)), queued(book('B'), 'k2', at(2))]);
    const calls: string[] = [];
    await flushQueue(storage, async (item) => {
      calls.push(item.key);
      await storage.remove('k2');
      return { status: 201, body: {} };
    });
    expect(calls).toEqual(['k1']);
  });
});

describe('queued', () => {
  it('keeps only the fields that were typed', () => {
    expect(queued({ kind: 'movie', title: ' Arrival ', review: '', url: '  ', finishedOn: '2026-11-20' }, 'k', at(0)).entry).toEqual({
      kind: 'movie',
      title: 'Arrival',
      finishedOn: '2026-11-20',
    });
  });
});
