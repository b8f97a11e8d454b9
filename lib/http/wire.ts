import type { IncomingMessage, ServerResponse } from 'node:http';
import { gzipSync } from 'node:zlib';
import type { Answer } from './answer';
import SECURITY_HEADERS from './security-headers.json';
import { acceptsGzip } from '../render-cache/rules';

/** The Vary that Next puts on every App Router response (its RSC request headers). */
export const NEXT_VARY = 'rsc, next-router-state-tree, next-router-prefetch, next-router-segment-prefetch';

/** Content types Next's compression compresses (the `compressible` package's rule, in short). */
const COMPRESSIBLE = /^(?:text\/|application\/(?:json|javascript|xml)\b|[^;]*\+(?:json|xml|text)\b)/i;


/**
 * A response ready for the socket: status, headers as one flat list (name, value, name, value:
 * what `writeHead` takes without building a header object), body. Made once and replayed as often
 * as it stays true (see answer-memo.ts). The body is always a string, bytes as `latin1` (one
 * character a byte): Node then sends it in one write with the headers, where a Buffer takes a
 * second one (a writev), which costs a small answer about a seventh of its rate.
 */
export interface Wire {
  status: number;
  headers: readonly string[];
  body: string | null;
  encoding: 'utf8' | 'latin1';
}

/** Bytes as a wire body. */
export const bytesBody = (bytes: Uint8Array): string => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');

/** Whether this request's answer may be gzipped (the client accepts it, and it is not a HEAD). */
export const wantsGzip = (req: IncomingMessage): boolean => req.method !== 'HEAD' && acceptsGzip(req.headers['accept-encoding']);

/**
 * A route's answer as `next start` sends it: the security headers of next.config.mjs, Next's Vary,
 * then the answer's own headers, and Next's compression rule (compressible types get `Vary:
 * Accept-Encoding` and, when `gzip`, a gzipped body, whatever its size: Next streams route answers,
 * so its compression never sees a length to hold small ones back).
 */
export function wireOf(answer: Answer, gzip: boolean): Wire {
  let vary = NEXT_VARY;
  const own: [string, string][] = [];
  for (const [name, value] of Object.entries(answer.headers)) {
    if (name === 'vary') vary += `, ${value}`;
    else own.push([name, value]);
  }
  const headers = flatHeaders(SECURITY_HEADERS.everyRoute as [string, string][], own);
  const compressible = COMPRESSIBLE.test(answer.headers['content-type'] ?? '');
  if (compressible) vary += ', Accept-Encoding';
  headers.push('vary', vary);
  if (answer.body === null) return { status: answer.status, headers, body: null, encoding: 'utf8' };
  if (!(compressible && gzip)) {
    headers.push('content-length', String(Buffer.byteLength(answer.body)));
    return { status: answer.status, headers, body: answer.body, encoding: 'utf8' };
  }
  const body = gzipSync(answer.body);
  headers.push('content-encoding', 'gzip', 'content-length', String(body.byteLength));
  return { status: answer.status, headers, body: bytesBody(body), encoding: 'latin1' };
}

/**
 * Header lists merged as setHeader calls in that order would leave them (a later list's header
 * replaces an earlier one of the same name, in any case; Set-Cookie adds up), flattened for writeHead.
 */
export function flatHeaders(...lists: Iterable<readonly [string, string]>[]): string[] {
  const byName = new Map<string, [string, string]>();
  const cookies: string[] = [];
  for (const list of lists) {
    for (const [name, value] of list) {
      if (name.toLowerCase() === 'set-cookie') cookies.push(name, value);
      else byName.set(name.toLowerCase(), [name, value]);
    }
  }
  return [...[...byName.values()].flat(), ...cookies];
}

/** Sends a wire answer (no body to a HEAD). */
export function sendWire(req: IncomingMessage, res: ServerResponse, wire: Wire): void {
  res.writeHead(wire.status, wire.headers as string[]);
  if (req.method === 'HEAD' || wire.body === null) res.end();
  else res.end(wire.body, wire.encoding);
}

/** Writes a route's answer (see wireOf), gzipped when the client accepts it. */
export function writeAnswer(req: IncomingMessage, res: ServerResponse, answer: Answer): void {
  sendWire(req, res, wireOf(answer, wantsGzip(req)));
}
