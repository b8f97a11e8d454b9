// The uploaded file, read with a cap: counted while it streams in, so an oversized body is cut
// off at the limit instead of being buffered whole first.
import { readCappedBytes } from '../http/capped-body';

/** IMPORT_MAX_BYTES, default 32 MiB (a Goodreads export of 10,000 books is about 3 MB). */
export const importMaxBytes = () => {
  const value = Number(process.env.IMPORT_MAX_BYTES);
  return Number.isSafeInteger(value) && value > 0 ? value : 32 * 1024 * 1024;
};

export type BodyRead = { ok: true; bytes: Uint8Array } | { ok: false; status: 413 | 400; error: string };

export async function readCappedBody(request: Request, maxBytes: number): Promise<BodyRead> {
  const bytes = await readCappedBytes(request, maxBytes);
  if (!bytes) return { ok: false, status: 413, error: `The file is too large: at most ${maxBytes} bytes (IMPORT_MAX_BYTES)` };
  if (bytes.length === 0) return { ok: false, status: 400, error: 'No file: send the export file as the request body' };
  return { ok: true, bytes };
}
