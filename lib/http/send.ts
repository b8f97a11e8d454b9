import type { IncomingMessage, ServerResponse } from 'node:http';
import { gzipSync } from 'node:zlib';
import type { Answer } from './answer';
import { acceptsGzip } from './accept-encoding';
import SECURITY_HEADERS from './security-headers.json';

// How an answer leaves for the socket: its status, its headers as one flat list (what writeHead
// takes without building a header object), and its body, in one write. The list is made once per
// answer, encoding and tag, and kept beside the answer (a WeakMap), so a kept answer costs a
// writeHead and an end.

/** The Vary that Next puts on every App Router response (its RSC request headers). */
export const NEXT_VARY = 'rsc, next-router-state-tree, next-router-prefetch, next-router-segment-prefetch';

/** Content types Next's compression compresses (the `compressible` package's rule, in short). */
const COMPRESSIBLE = /^(?:text\/|application\/(?:json|javascript|xml)\b|[^;]*\+(?:json|xml|text)\b)/i;

/**
 * Who made the answer, so what it still lacks to be what `next start` sends:
 * - `route`: a lib function standing for a Next route handler: the security headers of
 *   next.config.mjs go first, Next's Vary, then Next's compression rule (compressible types get
 *   `Vary: Accept-Encoding` and, for clients that take it, gzip, whatever the size).
 * - `page`: rendered by Next (lib/edge/render.ts): its headers are Next's already; `Vary` gains
 *   Accept-Encoding, since the edge serves the page gzipped to clients that take it.
 */
export type AnswerStyle = 'route' | 'page';

export interface SendOptions {
  style: AnswerStyle;
  /** Extra headers after the answer's own, e.g. `x-render-cache: hit` (few distinct values: each is kept). */
  tag?: readonly [string, string];
}

const prepared = new WeakMap<Answer, Map<string, string[]>>();

/** Whether the answer's type is one Next compresses. */
export const isCompressible = (answer: Answer): boolean => answer.body !== null && COMPRESSIBLE.test(answer.headers['content-type'] ?? '');

/** Whether this request's answer goes out gzipped: a compressible answer, a client that accepts gzip, not a HEAD. */
export const sendsGzip = (req: IncomingMessage, answer: Answer): boolean =>
  req.method !== 'HEAD' && isCompressible(answer) && acceptsGzip(req.headers['accept-encoding']);

/** Writes the answer (no body to a HEAD), gzipped when the client takes it (the body is compressed once). */
export function sendAnswer(req: IncomingMessage, res: ServerResponse, answer: Answer, options: SendOptions): void {
  const gzip = sendsGzip(req, answer);
  const body = answer.body;
  if (gzip && body!.gzip === undefined) body!.gzip = gzipSync(body!.bytes); // not kept answers: small, once
  res.writeHead(answer.status, headerList(answer, options, gzip));
  if (req.method === 'HEAD' || body === null) res.end();
  else res.end(body.wire(gzip), 'latin1');
}

/** The flat header list of an answer as sent (made once per answer, style, tag and encoding). */
export function headerList(answer: Answer, { style, tag }: SendOptions, gzip: boolean): string[] {
  let byAnswer = prepared.get(answer);
  if (!byAnswer) prepared.set(answer, (byAnswer = new Map()));
  // An answer is made for one route, so for one style: the encoding and the tag's value tell its lists apart.
  const key = tag ? (gzip ? `1${tag[1]}` : `0${tag[1]}`) : gzip ? '1' : '0';
  let list = byAnswer.get(key);
  if (!list) byAnswer.set(key, (list = makeHeaderList(answer, style, tag, gzip)));
  return list;
}

function makeHeaderList(answer: Answer, style: AnswerStyle, tag: readonly [string, string] | undefined, gzip: boolean): string[] {
  const compressible = isCompressible(answer);
  const own = Object.entries(answer.headers).filter(([name]) => name !== 'vary');
  let vary = answer.headers.vary ?? '';
  let headers: string[];
  if (style === 'route') {
    vary = vary ? `${NEXT_VARY}, ${vary}` : NEXT_VARY;
    if (compressible) vary += ', Accept-Encoding';
    headers = flatHeaders(SECURITY_HEADERS.everyRoute as [string, string][], own);
  } else {
    if (!/(^|,)\s*accept-encoding\s*(,|$)/i.test(vary)) vary = vary ? `${vary}, Accept-Encoding` : 'Accept-Encoding';
    headers = flatHeaders(own);
  }
  if (tag) headers.push(tag[0], tag[1]);
  headers.push('vary', vary);
  if (answer.body === null) return headers;
  if (gzip) headers.push('content-encoding', 'gzip', 'content-length', String(answer.body.gzip!.byteLength));
  else headers.push('content-length', String(answer.body.byteLength));
  return headers;
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
