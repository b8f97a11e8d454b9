import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '@/lib/eventstore/testing/counter';
import { mediaStore, readyMediaStore } from '@/lib/media/store';
import { zipSync } from 'fflate';
import { POST } from './route';

const goodreads = readFileSync(new URL('../../../lib/import/fixtures/goodreads_library_export.csv', import.meta.url));
const saved = { ...process.env };

beforeAll(() => {
  process.env.EVENTS_DIR = tempDir('shelf-import-route-');
  process.env.ADMIN_TOKEN = 't0ken-long-enough-16';
});
afterAll(async () => {
  await mediaStore().close();
  process.env = { ...saved };
});

/** A body that arrives in chunks with no Content-Length, as a streamed upload does. */
const streamed = (bytes: Uint8Array, chunk = 64) =>
  new ReadableStream<Uint8Array>({
    start(controller) {
      for (let i = 0; i < bytes.length; i += chunk) controller.enqueue(bytes.slice(i, i + chunk));
      controller.close();
    },
  });
const post = (query: string, body: BodyInit, headers: Record<string, string> = {}) =>
  POST(new Request(`http://shelf.test/api/import?${query}`, { method: 'POST', body, headers: { authorization: 'Bearer t0ken-long-enough-16', ...headers }, duplex: 'half' } as RequestInit));

describe('POST /api/import', () => {
  it('cuts off a body over IMPORT_MAX_BYTES while it streams in (413), appending nothing', async () => {
    process.env.IMPORT_MAX_BYTES = '500';
    const response = await post('source=goodreads', streamed(goodreads));
    expect(response.status).toBe(413);
    expect((await response.json()).error).toMatch(/at most 500 bytes/);
    delete process.env.IMPORT_MAX_BYTES;
    expect((await readyMediaStore()).version()).toBe(0);
  });

  it('refuses bad parameters and an empty body, naming them', async () => {
    expect(await (await post('source=goodreads&dryRun=yes', goodreads)).json()).toMatchObject({ fields: { dryRun: 'must be 1 or 0' } });
    expect(await (await post('source=goodreads&visibility=friends', goodreads)).json()).toMatchObject({ fields: { visibility: 'must be public or private' } });
    expect((await post('source=goodreads', new Uint8Array(0))).status).toBe(400);
  });

  it('streams progress lines then the result when asked for NDJSON', async () => {
    const response = await post('source=goodreads', streamed(goodreads), { accept: 'application/x-ndjson' });
    expect(response.headers.get('content-type')).toMatch(/application\/x-ndjson/);
    const lines = (await response.text()).trim().split('\n').map((line) => JSON.parse(line));
    expect(lines[0]).toEqual({ progress: { done: 0, total: 5 } });
    expect(lines).toContainEqual({ progress: { done: 5, total: 5 } });
    expect(lines.at(-1).result.summary).toEqual({ rows: 7, new: 5, alreadyImported: 0, skipped: 1, errors: 1 });
    expect((await readyMediaStore()).version()).toBe(5);
  });
});

describe('POST /api/import with real-shaped ZIPs', () => {
  it('answers 413 JSON for a ZIP that unpacks past IMPORT_MAX_UNZIPPED_BYTES, appending nothing', async () => {
    const before = (await readyMediaStore()).version();
    process.env.IMPORT_MAX_UNZIPPED_BYTES = String(1024 * 1024);
    const huge = new Uint8Array(4 * 1024 * 1024).fill(0x41);
    const response = await post('source=letterboxd', zipSync({ 'diary.csv': huge }));
    delete process.env.IMPORT_MAX_UNZIPPED_BYTES;
    expect(response.status).toBe(413);
    expect((await response.json()).error).toMatch(/unpacks to more than 1048576 bytes/);
    expect((await readyMediaStore()).version()).toBe(before);
  });
});
