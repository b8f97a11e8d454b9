import { createHash } from 'node:crypto';
import { Body, type Answer } from '../http/answer';

/**
 * A feed answer with an ETag (a digest of the body): a reader that already has this version gets
 * a 304 from `conditionalAnswer` (lib/http/answer.ts), in Next's route and at the edge alike.
 */
export function feedAnswer(body: string, contentType: string): Answer {
  const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
  return { status: 200, headers: { 'content-type': contentType, etag, 'cache-control': 'no-cache' }, body: Body.ofText(body) };
}
