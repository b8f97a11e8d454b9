// Webmention endpoint discovery (https://www.w3.org/TR/webmention/#sender-discovers-receiver-webmention-endpoint):
// fetch the target (redirects followed), then the first rel="webmention" of its Link headers, else
// the first <link> or <a> with rel="webmention" in the HTML, resolved against the URL that answered.
import { linkTargets } from '../indieweb/link-header';
import { parsePage } from '../indieweb/html';
import { outboundFetch } from '../outbound/fetch';

/** A target page is read whole for its endpoint: bounded like every outbound fetch, a little wider in bytes. */
export const DISCOVERY_LIMITS = { timeoutMs: 8_000, maxBytes: 2 << 20, maxRedirects: 5 } as const;

/** The endpoint a fetched page advertises (pure: the tests give it pages of their own). */
export function endpointOf(finalUrl: string, headers: Headers, body: string): string | undefined {
  const fromHeader = linkTargets(headers.get('link'), 'webmention', finalUrl)[0];
  if (fromHeader) return fromHeader;
  if (!/html/i.test(headers.get('content-type') ?? '')) return undefined;
  return parsePage(body, finalUrl).firstRel('webmention');
}

/** Fetches `target` and finds its endpoint; undefined when it advertises none. Throws OutboundError when it cannot be read. */
export async function discoverEndpoint(target: string, signal?: AbortSignal): Promise<{ endpoint?: string; status: number }> {
  const response = await outboundFetch(target, { ...DISCOVERY_LIMITS, signal, headers: { accept: 'text/html, */*;q=0.5' } });
  if (response.status < 200 || response.status >= 300) return { status: response.status };
  return { endpoint: endpointOf(response.url, response.headers, response.text()), status: response.status };
}
