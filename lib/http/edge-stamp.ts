import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { originOf, partyOf, validHost, type RequestParty } from './request-party';

// The edge decides who is asking once (request-party.ts) and writes it on the request for Next's
// route handlers, server actions and pages, which see headers but not the socket. Whatever a client
// sends under these names is removed first, and the stamp is a secret of this process, so a request
// that did not come through the edge (`next dev`, a bare `next start`) cannot pose as stamped.

const HEADER = { stamp: 'x-shelf-edge', address: 'x-shelf-client-address', key: 'x-shelf-client', origin: 'x-shelf-origin' } as const;

const SECRET = Symbol.for('shelf.edge-stamp');
const secret = (): Buffer => ((globalThis as { [SECRET]?: Buffer })[SECRET] ??= randomBytes(24));
let text: { of: Buffer; text: string } | undefined;
/** The secret as the header carries it (encoded once: every request is stamped with it). */
const secretText = () => {
  const bytes = secret();
  if (text?.of !== bytes) text = { of: bytes, text: bytes.toString('base64url') };
  return text.text;
};

/**
 * Removes any client-sent copies of the edge's headers and writes the party on the request. A
 * request that already carries a valid stamp was made by this process for a visitor (the render
 * cache's own render request, lib/render-cache/render.ts): it keeps that visitor's party.
 */
export function stampRequest(req: IncomingMessage, party?: RequestParty): RequestParty {
  const own = party ? undefined : stampedParty(req.headers);
  if (own) return own;
  party ??= partyOf(req);
  stampHeaders(req.headers, party);
  return party;
}

/** The party of validly stamped headers (a node:http header record), else undefined. */
function stampedParty(headers: IncomingMessage['headers']): RequestParty | undefined {
  const reader = headerReaderOf(headers);
  const stamp = reader.get(HEADER.stamp);
  return stamp !== null && isSecret(stamp) ? partyFromHeaders(reader) : undefined;
}

/** The same on a plain header record (an in-process request the edge makes itself, a test's request). */
export function stampHeaders<T extends Record<string, string | string[] | undefined>>(headers: T, party: RequestParty): T {
  const record = headers as Record<string, string | string[] | undefined>;
  for (const name of Object.values(HEADER)) delete record[name];
  record[HEADER.stamp] = secretText();
  record[HEADER.address] = party.address;
  record[HEADER.key] = party.key;
  if (party.origin) record[HEADER.origin] = party.origin;
  return headers;
}

/** What Next-side code reads: `request.headers`, or the headers of `next/headers`. */
export interface HeaderReader {
  get(name: string): string | null;
}

/** A node:http header record read as a fetch Headers reads (lower-case names; a repeated header's values joined). */
export function headerReaderOf(headers: IncomingMessage['headers']): HeaderReader {
  return {
    get(name) {
      const value = headers[name];
      return value === undefined ? null : Array.isArray(value) ? value.join(', ') : value;
    },
  };
}

/**
 * The party the edge stamped on this request. Without a valid stamp (Next reached without the edge)
 * every such request counts as one client, `unstamped`, so no header can pick a fresh limit, and
 * the origin is the Host's over plain HTTP.
 */
export function partyFromHeaders(headers: HeaderReader): RequestParty {
  const stamp = headers.get(HEADER.stamp);
  if (stamp !== null && isSecret(stamp)) {
    return { address: headers.get(HEADER.address) ?? 'unknown', key: headers.get(HEADER.key) ?? 'unknown', origin: headers.get(HEADER.origin) ?? undefined };
  }
  const host = validHost(headers.get('host') ?? undefined);
  return { address: 'unknown', key: 'unstamped', origin: host ? originOf('http', host) : undefined };
}

function isSecret(stamp: string): boolean {
  const given = Buffer.from(stamp);
  const expected = Buffer.from(secretText());
  return given.length === expected.length && timingSafeEqual(given, expected);
}
