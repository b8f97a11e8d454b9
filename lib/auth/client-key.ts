import { partyFromHeaders, type HeaderReader } from '../http/edge-stamp';

/**
 * Who is asking, for the per-client limits (failed logins, API tokens, demo orders, live streams,
 * lookups): the key the edge stamped on the request (lib/http/request-party.ts: the socket's
 * address, or what a trusted proxy says, an IPv6 client by its /64).
 */
export function clientKey(headers: HeaderReader): string {
  return partyFromHeaders(headers).key;
}
