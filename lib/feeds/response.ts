import { createHash } from 'node:crypto';
import type { Answer } from '../http/answer';

/**
 * A feed answer with an ETag, 304 to a reader that already has this version (`If-None-Match`):
 * readers poll feeds on a timer, and most polls find nothing new.
 */
export function feedAnswer(ifNoneMatch: string | null | undefined, body: string, contentType: string): Answer {
  const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
  const known = ifNoneMatch?.split(',').map((t) => t.trim().replace(/^W\//, ''));
  if (known?.includes(etag) || known?.includes('*')) return { status: 304, headers: { etag, 'cache-control': 'no-cache' }, body: null };
  return { status: 200, headers: { 'content-type': contentType, etag, 'cache-control': 'no-cache' }, body };
}
