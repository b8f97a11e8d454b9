// What the consent page says about a client, from its client_id page (IndieAuth "Client
// Information Discovery"): a JSON metadata document (client_name, logo_uri, redirect_uris), or an
// HTML page with an h-app and rel="redirect_uri" links (the earlier form, still common). Fetched
// through the bounded outbound fetcher; a page that cannot be fetched leaves the client nameless
// and allows only redirects on its own origin.
import { LRUCache } from 'lru-cache';
import { mf2 } from 'microformats-parser';
import { singleton } from '../eventstore/registry';
import { linkTargets } from '../indieweb/link-header';
import { outboundFetch, OutboundError } from '../outbound/fetch';

export interface ClientInfo {
  clientId: string;
  /** The client's name, or its host when it says none. */
  name: string;
  logo?: string;
  /** Where it may send the owner back besides its own origin. */
  redirectUris: string[];
  /** Why nothing was learnt from the page, when so. */
  problem?: string;
}

/** client_id pages are small: a metadata document or an app's home page. */
export const CLIENT_PAGE_LIMITS = { timeoutMs: 4_000, maxBytes: 256 * 1024, maxRedirects: 3 } as const;

const cache = () => singleton('indieauth:client-info', () => new LRUCache<string, ClientInfo>({ max: 200, ttl: 10 * 60_000 }));

const webUrl = (value: unknown, base: string): string | undefined => {
  if (typeof value !== 'string' || value.length > 2000) return undefined;
  try {
    const url = new URL(value, base);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : undefined;
  } catch {
    return undefined;
  }
};

const text = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() ? value.trim().replace(/\s+/g, ' ').slice(0, 100) : undefined);

/** The client's information, from the cache (10 minutes) or its page. `fetchAllowed` false: the cache or nothing (over budget). */
export async function clientInfo(clientId: string, fetchAllowed = true): Promise<ClientInfo> {
  const cached = cache().get(clientId);
  if (cached) return cached;
  const nameless = (problem: string): ClientInfo => ({ clientId, name: new URL(clientId).host, redirectUris: [], problem });
  // Not kept: a page not fetched now is fetched on the next request within the budget.
  if (!fetchAllowed) return nameless('too many client pages fetched just now; try again in a minute');
  let info: ClientInfo;
  try {
    const response = await outboundFetch(clientId, { ...CLIENT_PAGE_LIMITS, headers: { accept: 'application/json, text/html;q=0.9' } });
    info = response.status >= 200 && response.status < 300 ? readClientPage(clientId, response.url, response.headers, response.text()) : nameless(`its page answered ${response.status}`);
  } catch (err) {
    if (!(err instanceof OutboundError)) throw err;
    info = nameless(err.message);
  }
  cache().set(clientId, info);
  return info;
}

/** Reads a fetched client_id page (pure: tests call it with a page of their own). */
export function readClientPage(clientId: string, finalUrl: string, headers: Headers, body: string): ClientInfo {
  const host = new URL(clientId).host;
  const type = headers.get('content-type') ?? '';
  if (/json/i.test(type)) {
    let doc: Record<string, unknown>;
    try {
      doc = JSON.parse(body);
    } catch {
      return { clientId, name: host, redirectUris: [], problem: 'its metadata is not JSON' };
    }
    if (doc.client_id !== clientId) return { clientId, name: host, redirectUris: [], problem: 'its metadata names another client_id' };
    const uris = Array.isArray(doc.redirect_uris) ? doc.redirect_uris.map((u) => webUrl(u, finalUrl)).filter((u): u is string => !!u) : [];
    return { clientId, name: text(doc.client_name) ?? host, logo: webUrl(doc.logo_uri, finalUrl), redirectUris: uris.slice(0, 20) };
  }
  if (!/html/i.test(type)) return { clientId, name: host, redirectUris: [], problem: `its page is ${type || 'untyped'}, not HTML or JSON` };
  const parsed = mf2(body, { baseUrl: finalUrl });
  const fromHeader = linkTargets(headers.get('link'), 'redirect_uri', finalUrl);
  const redirectUris = [...fromHeader, ...(parsed.rels.redirect_uri ?? [])].filter((u): u is string => !!u).slice(0, 20);
  const app = parsed.items.find((item) => item.type?.some((t) => t === 'h-app' || t === 'h-x-app'));
  const first = (name: string) => {
    const value = app?.properties[name]?.[0];
    return typeof value === 'string' ? value : (value as { value?: unknown } | undefined)?.value;
  };
  return { clientId, name: text(first('name')) ?? host, logo: webUrl(first('logo'), finalUrl), redirectUris };
}
