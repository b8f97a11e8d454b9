import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '@/lib/eventstore/testing/counter';
import { stampHeaders } from '@/lib/http/edge-stamp';
import { mediaStore, readyMediaStore } from '@/lib/media/store';
import { readyWebmentionStore, webmentionStore } from '@/lib/webmention/store';
import { MAX_PENDING } from '@/lib/webmention/decide';
import { POST } from './route';

const ORIGIN = 'https://shelf.example';
const saved = { ...process.env };
let entryId = '';
let privateId = '';

beforeAll(async () => {
  process.env.EVENTS_DIR = tempDir('shelf-webmention-route-');
  process.env.SITE_URL = ORIGIN;
  const media = await readyMediaStore();
  const base = { kind: 'book' as const, title: 'Dune', finishedOn: '2026-11-20', announce: false };
  entryId = (await media.dispatch({ type: 'MediaFinished', data: { entryId: 'pub', ...base, visibility: 'public' } })).data.entryId;
  privateId = (await media.dispatch({ type: 'MediaFinished', data: { entryId: 'priv', ...base, visibility: 'private' } })).data.entryId;
});
afterAll(async () => {
  await mediaStore().close();
  await webmentionStore().close();
  process.env = { ...saved };
});

let client = 0;
const send = (form: Record<string, string>, who = `198.51.100.${++client}`) =>
  POST(new Request(`${ORIGIN}/webmention`, {
    method: 'POST',
    body: new URLSearchParams(form),
    headers: stampHeaders({ 'content-type': 'application/x-www-form-urlencoded' }, { address: who, key: who, origin: ORIGIN }) as Record<string, string>,
  }));
const pendingCount = async () => (await readyWebmentionStore()).snapshot().pending.size;

describe('POST /webmention', () => {
  it('answers 202 for a public entry page and queues one verification per source and target', async () => {
    const form = { source: 'https://alice.example/post', target: `${ORIGIN}/entries/${entryId}` };
    const response = await send(form);
    expect(response.status).toBe(202);
    expect(await send(form)).toHaveProperty('status', 202);
    expect(await pendingCount()).toBe(1);
  });

  it('refuses, as JSON naming the field, what is not a public entry page of this site, or not a URL, recording nothing', async () => {
    const version = (await readyWebmentionStore()).version();
    const cases: [Record<string, string>, string][] = [
      [{ source: 'https://a.example/x', target: `${ORIGIN}/entries/${privateId}` }, 'target'],
      [{ source: 'https://a.example/x', target: `${ORIGIN}/about` }, 'target'],
      [{ source: 'https://a.example/x', target: `https://elsewhere.example/entries/${entryId}` }, 'target'],
      [{ source: 'javascript:alert(1)', target: `${ORIGIN}/entries/${entryId}` }, 'source'],
      [{ target: `${ORIGIN}/entries/${entryId}` }, 'source'],
      [{ source: `${ORIGIN}/entries/${entryId}`, target: `${ORIGIN}/entries/${entryId}` }, 'source'],
    ];
    for (const [form, field] of cases) {
      const response = await send(form);
      expect(response.status).toBe(400);
      expect(Object.keys((await response.json()).fields)).toContain(field);
    }
    const notForm = await POST(new Request(`${ORIGIN}/webmention`, { method: 'POST', body: '{}', headers: { 'content-type': 'application/json' } }));
    expect(notForm.status).toBe(415);
    expect((await notForm.json()).error).toMatch(/form-encoded/);
    expect((await readyWebmentionStore()).version()).toBe(version);
  });

  it('is rate-limited per client (429 with Retry-After), whatever the others do', async () => {
    const who = '203.0.113.77';
    const statuses: number[] = [];
    for (let i = 0; i < 22; i++) statuses.push((await send({ source: `https://spam.example/${i}`, target: `${ORIGIN}/entries/${entryId}` }, who)).status);
    expect(statuses.slice(0, 20)).toEqual(Array(20).fill(202));
    expect(statuses.slice(20)).toEqual([429, 429]);
    const limited = await send({ source: 'https://spam.example/x', target: `${ORIGIN}/entries/${entryId}` }, who);
    expect(limited.headers.get('retry-after')).toMatch(/^\d+$/);
    expect((await send({ source: 'https://fine.example/1', target: `${ORIGIN}/entries/${entryId}` })).status).toBe(202);
  });

  it('is bounded for everyone together: new clients are refused once the shared budget is spent', async () => {
    let refused = 0;
    for (let i = 0; i < 220 && refused === 0; i++) {
      const response = await send({ source: `https://many.example/${i}`, target: `${ORIGIN}/entries/${entryId}` });
      if (response.status === 429) {
        refused++;
        expect((await response.json()).error).toMatch(/from everyone together/);
      }
    }
    expect(refused).toBe(1);
    expect(await pendingCount()).toBeLessThanOrEqual(MAX_PENDING);
  });
});
