// The uploaded file, read with a cap: counted while it streams in, so an oversized body is cut
// off at the limit instead of being buffered whole first.

/** IMPORT_MAX_BYTES, default 32 MiB (a Goodreads export of 10,000 books is about 3 MB). */
export const importMaxBytes = () => {
  const value = Number(process.env.IMPORT_MAX_BYTES);
  return Number.isSafeInteger(value) && value > 0 ? value : 32 * 1024 * 1024;
};

export type BodyRead = { ok: true; bytes: Uint8Array } | { ok: false; status: 413 | 400; error: string };

export async function readCappedBody(request: Request, maxBytes: number): Promise<BodyRead> {
  const tooLarge = { ok: false, status: 413, error: `The file is too large: at most ${maxBytes} bytes (IMPORT_MAX_BYTES)` } as const;
  const declared = Number(request.headers.get('content-length') ?? 0);
  if (declared > maxBytes) return tooLarge;
  if (!request.body) return { ok: false, status: 400, error: 'No file: send the export file as the request body' };
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => {});
      return tooLarge;
    }
    chunks.push(value);
  }
  if (size === 0) return { ok: false, status: 400, error: 'No file: send the export file as the request body' };
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return { ok: true, bytes };
}
