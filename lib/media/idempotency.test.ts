import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../eventstore/testing/counter';
import { idempotencyEventId, logEntry } from './commands';
import { mediaStore, readyMediaStore } from './store';

beforeAll(() => {
  process.env.EVENTS_DIR = tempDir('shelf-idempotency-');
});
afterAll(async () => {
  await mediaStore().close();
});

const book = { kind: 'book', title: 'Dune', finishedOn: '2026-11-01' };
const count = async () => (await readyMediaStore()).version();

describe('Idempotency-Key', () => {
  it('accepts every documented length, 1 to 128 characters, and a retry returns the first entry', async () => {
    for (const length of [1, 124, 125, 127, 128]) {
      const key = 'k'.repeat(length - 1) + String(length % 10);
      const before = await count();
      const first = await logEntry({ ...book, title: `Dune ${length}` }, idempotencyEventId(key));
      const retry = await logEntry({ ...book, title: `Dune ${length}` }, idempotencyEventId(key));
      expect(first.ok && retry.ok).toBe(true);
      if (!first.ok || !retry.ok) return;
      expect(retry.value.id).toBe(first.value.id);
      expect(await count()).toBe(before + 1);
      expect(idempotencyEventId(key).length).toBeLessThanOrEqual(128);
    }
  });

  it('keeps the plain event id of short keys (entries logged before still match), hashes only long ones', () => {
    expect(idempotencyEventId('abc')).toBe('api:abc');
    expect(idempotencyEventId('x'.repeat(124))).toBe(`api:${'x'.repeat(124)}`);
    expect(idempotencyEventId('x'.repeat(125))).toMatch(/^api:sha256:[\w-]{43}$/);
    expect(idempotencyEventId('x'.repeat(125))).not.toBe(idempotencyEventId('x'.repeat(126)));
  });

  it('refuses a reused key with a different body (422) and writes nothing', async () => {
    const key = idempotencyEventId('reused-key');
    const first = await logEntry({ ...book, title: 'Hyperion' }, key);
    expect(first.ok).toBe(true);
    const before = await count();
    const other = await logEntry({ ...book, title: 'Hyperion', rating: 4 }, key);
    expect(other).toMatchObject({ ok: false, status: 422, error: expect.stringMatching(/already used for a different entry/) });
    expect(await count()).toBe(before);
  });

  it('still matches a retry that left the finished date to the server', async () => {
    const key = idempotencyEventId('default-date');
    const first = await logEntry({ kind: 'movie', title: 'Alien' }, key);
    const retry = await logEntry({ kind: 'movie', title: 'Alien' }, key);
    expect(first.ok && retry.ok && retry.value.id === first.value.id).toBe(true);
  });
});
