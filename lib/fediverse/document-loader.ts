// Fedify's document loaders on Shelf's one outbound fetcher (lib/outbound/fetch.ts): every actor,
// key or object Fedify fetches from another server is bounded in bytes, time and redirects and
// refused on loopback and private addresses unless OUTBOUND_ALLOW_PRIVATE=1. JSON-LD contexts
// Fedify ships (ActivityStreams, security, Mastodon's) are never fetched.
import { signRequest } from '@fedify/fedify';
import { getRemoteDocument, preloadedContexts, type DocumentLoader, type RemoteDocument } from '@fedify/vocab-runtime';
import { outboundFetch } from '../outbound/fetch';

const ACCEPT = 'application/activity+json, application/ld+json; profile="https://www.w3.org/ns/activitystreams"';
/** An actor or a key is a few KiB; a generous cap still stops a server that streams forever. */
export const MAX_DOCUMENT_BYTES = 512 * 1024;
const TIMEOUT_MS = 8_000;

interface Identity {
  keyId: URL;
  privateKey: CryptoKey;
}

/** A loader that fetches through outboundFetch; with `identity`, each GET is signed (servers in authorized-fetch mode ask for it). */
export function outboundDocumentLoader(identity?: Identity): DocumentLoader {
  const load: DocumentLoader = async (url, options) => {
    if (Object.hasOwn(preloadedContexts, url)) return { contextUrl: null, document: preloadedContexts[url], documentUrl: url } satisfies RemoteDocument;
    const headers: Record<string, string> = { accept: ACCEPT };
    if (identity) {
      const signed = await signRequest(new Request(url, { headers }), identity.privateKey, identity.keyId);
      signed.headers.forEach((value, name) => (headers[name] = value));
    }
    const answer = await outboundFetch(url, { headers, maxBytes: MAX_DOCUMENT_BYTES, timeoutMs: TIMEOUT_MS, signal: options?.signal });
    const response = new Response(answer.status === 204 || answer.status === 304 ? null : answer.text(), { status: answer.status, headers: answer.headers });
    // The URL that answered (after redirects) is the document's.
    return getRemoteDocument(answer.url, response, load);
  };
  return load;
}

/** The JSON-LD context loader: Fedify's preloaded contexts, else a bounded fetch. */
export const contextLoader: DocumentLoader = outboundDocumentLoader();
