import { StoreUnavailableError } from '../eventstore/errors';
import { describe, expect, it } from 'vitest';
import { readJsonObject } from './json';
import { writeErrorResponse } from './write-error';

/** A chunked body (no Content-Length) that counts how much of it was pulled. */
function endlessBody(chunkBytes: number, chunks: number) {
  let pulled = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (pulled >= chunks) return controller.close();
      pulled++;
      controller.enqueue(new Uint8Array(chunkBytes).fill(0x20));
    },
  });
  const request = new Request('http://localhost/api/media', { method: 'POST', body, duplex: 'half' } as RequestInit);
  return { request, pulled: () => pulled };
}

describe('readJsonObject', () => {
  it('stops reading a chunked body without Content-Length as soon as it passes the cap: 413 JSON', async () => {
    const { request, pulled } = endlessBody(16 * 1024, 64 * 1024); // would be 1 GiB
    const read = await readJsonObject(request, 64 * 1024);
    expect(read.ok).toBe(false);
    if (read.ok) return;
    expect(read.response.status).toBe(413);
    expect(await read.response.json()).toEqual({ error: 'Body too large: at most 65536 bytes' });
    expect(pulled()).toBeLessThanOrEqual(6);
  });

  it('reads a small body whole', async () => {
    const request = new Request('http://localhost/', { method: 'POST', body: JSON.stringify({ a: 1 }) });
    expect(await readJsonObject(request)).toEqual({ ok: true, body: { a: 1 } });
  });

  it('refuses a declared length over the cap unread, and bodies that are not JSON objects', async () => {
    const big = new Request('http://localhost/', { method: 'POST', headers: { 'content-length': '100000' }, body: 'x' });
    expect((await readJsonObject(big, 1000)) as { response: Response }).toMatchObject({ ok: false });
    for (const body of ['[1]', 'nope', 'null']) {
      const read = await readJsonObject(new Request('http://localhost/', { method: 'POST', body }));
      expect(read.ok ? 0 : read.response.status).toBe(400);
    }
  });
});

describe('writeErrorResponse', () => {
  it('answers a failed write with JSON naming the cause', async () => {
    const quiet = console.error;
    console.error = () => {};
    try {
      const full = writeErrorResponse('The order', Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' }));
      expect(full.status).toBe(500);
      expect(full.headers.get('content-type')).toMatch(/json/);
      expect((await full.json()).error).toBe('The order could not be saved: the disk is full. Nothing was recorded; try again later.');
      const refusing = writeErrorResponse('The entry', new StoreUnavailableError('media refuses writes: below MIN_FREE_BYTES'));
      expect(refusing.status).toBe(503);
      expect((await refusing.json()).error).toMatch(/below MIN_FREE_BYTES.*Nothing was recorded/);
      const unanswered = writeErrorResponse('The entry', new StoreUnavailableError('the database does not answer', { mayHaveLanded: true }));
      expect(unanswered.status).toBe(503);
      expect((await unanswered.json()).error).toMatch(/may still have been recorded: send it again with the same Idempotency-Key/);
      const other = writeErrorResponse('The entry', new Error('/secret/path exploded'));
      expect((await other.json()).error).not.toMatch(/secret/);
    } finally {
      console.error = quiet;
    }
  });
});
