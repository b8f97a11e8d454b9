// One delivery: the activity signed with the actor's RSA key (HTTP Signatures, draft-cavage, as
// Mastodon checks them; Fedify's signRequest) and POSTed through Shelf's bounded outbound fetcher
// (lib/outbound/fetch.ts): refused on loopback and private addresses unless
// OUTBOUND_ALLOW_PRIVATE=1, bounded in time and bytes. Fedify's own delivery posts with the
// global fetch and has no such hook, so the shelf delivers itself.
import { signRequest } from '@fedify/fedify';
import { OutboundError, outboundFetch } from '../outbound/fetch';
import type { ActivityJson } from './activities';

export const AP_CONTENT_TYPE = 'application/activity+json';

export interface SigningKey {
  keyId: URL;
  privateKey: CryptoKey;
}

export class DeliveryError extends Error {
  constructor(
    message: string,
    /** False for an answer that will not change (a 4xx but 408 and 429, a refused address). */
    readonly retryable: boolean,
  ) {
    super(message);
  }
}

export async function deliver(inbox: string, activity: ActivityJson, key: SigningKey, signal?: AbortSignal): Promise<number> {
  const body = JSON.stringify(activity);
  const unsigned = new Request(inbox, { method: 'POST', headers: { 'content-type': AP_CONTENT_TYPE, accept: AP_CONTENT_TYPE }, body });
  const signed = await signRequest(unsigned, key.privateKey, key.keyId);
  const headers: Record<string, string> = {};
  signed.headers.forEach((value, name) => (headers[name] = value));
  let status: number;
  try {
    ({ status } = await outboundFetch(inbox, { method: 'POST', headers, body, timeoutMs: 10_000, maxBytes: 64 * 1024, signal }));
  } catch (err) {
    if (err instanceof OutboundError) throw new DeliveryError(err.message, err.reason !== 'private-address' && err.reason !== 'bad-url');
    throw err;
  }
  if (status >= 200 && status < 300) return status;
  const retryable = status >= 500 || status === 408 || status === 429;
  throw new DeliveryError(`${new URL(inbox).host} answered ${status}`, retryable);
}
