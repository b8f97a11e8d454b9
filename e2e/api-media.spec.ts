import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { adminToken, logEntry, uniqueTitle } from './support/api';

// Tests run in parallel against one log: each looks for its own unique marker, never at line counts.
const linesWith = (marker: string) =>
  readFileSync(join(process.env.E2E_EVENTS_DIR!, 'media.jsonl'), 'utf8').split('\n').filter((l) => l.includes(marker)).length;
const auth = () => ({ authorization: `Bearer ${adminToken()}` });

test('POST /api/media logs an entry: 201 with the entry, then listed by GET', async ({ request }) => {
  const title = uniqueTitle('API Book');
  const response = await request.post('/api/media', { headers: auth(), data: { kind: 'book', title, creator: 'Someone', rating: 3.5, finishedOn: '2026-01-02' } });
  expect(response.status()).toBe(201);
  const { entry } = await response.json();
  expect(entry).toMatchObject({ kind: 'book', title, creator: 'Someone', rating: 3.5, finishedOn: '2026-01-02', visibility: 'public', announce: false });
  const { entries } = await (await request.get('/api/media?kind=book')).json();
  expect(entries.find((e: { id: string }) => e.id === entry.id)).toMatchObject({ title, rating: 3.5 });
});

test('private entries are not in GET /api/media', async ({ request }) => {
  const secret = await logEntry(request, { kind: 'article', title: uniqueTitle('Private'), visibility: 'private' });
  const { entries } = await (await request.get('/api/media')).json();
  expect(entries.map((e: { id: string }) => e.id)).not.toContain(secret.id);
});

test('an Idempotency-Key makes a retried POST return the first entry and append nothing', async ({ request }) => {
  const headers = { ...auth(), 'idempotency-key': `retry-${Math.random()}` };
  const data = { kind: 'podcast', title: uniqueTitle('Retried') };
  const first = await request.post('/api/media', { headers, data });
  const second = await request.post('/api/media', { headers, data });
  expect(second.status()).toBe(201);
  expect((await second.json()).entry.id).toBe((await first.json()).entry.id);
  expect(linesWith(data.title)).toBe(1);
});

test('bad input gets 400 naming each field and appends nothing', async ({ request }) => {
  const marker = uniqueTitle('rejected-marker');
  const cases: [Record<string, unknown>, string, RegExp][] = [
    [{ kind: 'book', title: '' }, 'title', /required/],
    [{ kind: 'opera', title: 'x' }, 'kind', /one of/],
    [{ kind: 'book', title: 'x', rating: 7 }, 'rating', /at most 5/],
    [{ kind: 'book', title: 'x', finishedOn: '11/23/2026' }, 'finishedOn', /YYYY-MM-DD/],
    [{ kind: 'book', title: 'x', url: 'javascript:alert(1)' }, 'url', /http/],
    [{ kind: 'book', title: 'x', review: 'y'.repeat(50_000) }, 'review', /at most 2000/],
    [{ kind: 'book', title: 'x', colour: 'red' }, 'colour', /Unknown field/],
  ];
  for (const [data, field, message] of cases) {
    const response = await request.post('/api/media', { headers: auth(), data: { ...data, creator: marker } });
    expect(response.status(), JSON.stringify(data).slice(0, 80)).toBe(400);
    expect((await response.json()).fields[field]).toMatch(message);
  }
  const notJson = await request.post('/api/media', { headers: { ...auth(), 'content-type': 'application/json' }, data: '{oops' });
  expect(notJson.status()).toBe(400);
  const huge = await request.post('/api/media', { headers: auth(), data: { kind: 'book', title: 'x', creator: marker, review: 'z'.repeat(100_000) } });
  expect(huge.status()).toBe(413);
  expect(linesWith(marker)).toBe(0);
});

test('writes without the right token get 401 and append nothing', async ({ request }) => {
  const data = { kind: 'book', title: uniqueTitle('Unauthorized') };
  expect((await request.post('/api/media', { data })).status()).toBe(401);
  const wrong = await request.post('/api/media', { headers: { authorization: 'Bearer nope' }, data });
  expect(wrong.status()).toBe(401);
  expect((await wrong.json()).error).toMatch(/token/);
  expect(linesWith(data.title)).toBe(0);
});
