import { createHash } from 'node:crypto';

/**
 * A feed response with an ETag, answering 304 to a reader that already has this version:
 * readers poll feeds on a timer, and most polls find nothing new.
 */
export function feedResponse(request: Request, body: string, contentType: string): Response {
  const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
  const headers = { 'content-type': contentType, etag, 'cache-control': 'no-cache' };
  const known = request.headers.get('if-none-match')?.split(',').map((t) => t.trim().replace(/^W\//, ''));
  if (known?.includes(etag) || known?.includes('*')) return new Response(null, { status: 304, headers: { etag, 'cache-control': 'no-cache' } });
  return new Response(body, { headers });
}
