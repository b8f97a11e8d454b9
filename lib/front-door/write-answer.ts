import type { IncomingMessage, ServerResponse } from 'node:http';
import { gzipSync } from 'node:zlib';
import type { Answer } from '../http/answer';
import SECURITY_HEADERS from '../http/security-headers.json';
import { acceptsGzip } from '../render-cache/rules';

/** The Vary that Next puts on every App Router response (its RSC request headers). */
export const NEXT_VARY = 'rsc, next-router-state-tree, next-router-prefetch, next-router-segment-prefetch';

/** Content types Next's compression compresses (the `compressible` package's rule, in short). */
const COMPRESSIBLE = /^(?:text\/|application\/(?:json|javascript|xml)\b|[^;]*\+(?:json|xml|text)\b)/i;

/** Gzipped bodies by text: a hot answer is the same string until the next write (the book, "ok"). */
const gzipped = new Map<string, Buffer>();
const GZIP_MEMO_ENTRIES = 16;

function gzipOnce(body: string): Buffer {
  let zipped = gzipped.get(body);
  if (!zipped) {
    zipped = gzipSync(body);
    if (gzipped.size >= GZIP_MEMO_ENTRIES) gzipped.delete(gzipped.keys().next().value!);
    gzipped.set(body, zipped);
  }
  return zipped;
}

/**
 * Writes a route's answer as `next start` sends it: the security headers of next.config.mjs, Next's
 * Vary, then the answer's own headers, and Next's compression rule (compressible types get `Vary:
 * Accept-Encoding` and, for clients that accept gzip, a gzipped body; HEAD gets none).
 */
export function writeAnswer(req: IncomingMessage, res: ServerResponse, answer: Answer): void {
  res.statusCode = answer.status;
  for (const [name, value] of SECURITY_HEADERS.everyRoute) res.setHeader(name!, value!);
  let vary = NEXT_VARY;
  for (const [name, value] of Object.entries(answer.headers)) {
    if (name === 'vary') vary += `, ${value}`;
    else res.setHeader(name, value);
  }
  const compressible = COMPRESSIBLE.test(answer.headers['content-type'] ?? '');
  if (compressible) vary += ', Accept-Encoding';
  res.setHeader('vary', vary);
  if (answer.body === null) {
    res.end();
    return;
  }
  let body: string | Buffer = answer.body;
  if (compressible && req.method !== 'HEAD' && acceptsGzip(req.headers['accept-encoding'])) {
    body = gzipOnce(answer.body);
    res.setHeader('content-encoding', 'gzip');
  }
  res.setHeader('content-length', typeof body === 'string' ? Buffer.byteLength(body) : body.byteLength);
  res.end(req.method === 'HEAD' ? undefined : body);
}
