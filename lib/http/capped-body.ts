/**
 * A request body's bytes, counted while they stream in: past `maxBytes` the stream is cancelled
 * and `undefined` returned, so a chunked body without Content-Length is never held whole (a
 * declared length too big is refused unread). No body reads as zero bytes.
 */
export async function readCappedBytes(request: Request, maxBytes: number): Promise<Buffer | undefined> {
  const declared = Number(request.headers.get('content-length') ?? 0);
  if (declared > maxBytes) return undefined;
  if (!request.body) return Buffer.alloc(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => {});
      return undefined;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks, size);
}
