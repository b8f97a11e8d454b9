import { Agent, fetch as undiciFetch, type Dispatcher } from 'undici';
import { guardedLookup, ipLiteral, isPublicAddress, privateAllowed } from './address-policy';
import { OutboundError } from './errors';
import { OutboundGate } from './gate';

export { OutboundError, type OutboundFailure } from './errors';

// The one way Shelf fetches a URL it was handed (IndieAuth client_id pages, Webmention discovery,
// sending and verification, fediverse actors and deliveries, title lookups): bounded in time (the
// whole exchange, redirects included), in response bytes (counted after decompression), in
// redirects and in concurrent fetches, and refusing loopback and private addresses at connect time
// unless OUTBOUND_ALLOW_PRIVATE=1.

export interface OutboundRequest {
  method?: 'GET' | 'HEAD' | 'POST';
  headers?: Record<string, string>;
  body?: string | URLSearchParams | Uint8Array;
  /** The whole exchange, redirects included (default 5 s). */
  timeoutMs?: number;
  /** The response body after decompression (default 1 MiB): past it the fetch fails. */
  maxBytes?: number;
  /** GET and HEAD follow up to this many (default 3); other methods never follow. */
  maxRedirects?: number;
  signal?: AbortSignal;
}

export interface OutboundResponse {
  /** The URL that answered, after redirects. */
  url: string;
  status: number;
  headers: Headers;
  body: Uint8Array;
  text(): string;
}

export const OUTBOUND_DEFAULTS = { timeoutMs: 5_000, maxBytes: 1 << 20, maxRedirects: 3 } as const;
const REDIRECTS = new Set([301, 302, 303, 307, 308]);

const AGENT = Symbol.for('shelf.outbound-agent');
const agent = (): Dispatcher =>
  ((globalThis as { [AGENT]?: Dispatcher })[AGENT] ??= new Agent({ connect: { lookup: guardedLookup as never, timeout: 5_000 }, headersTimeout: 10_000, bodyTimeout: 10_000 }));
const GATE = Symbol.for('shelf.outbound-gate');
const gate = (): OutboundGate => ((globalThis as { [GATE]?: OutboundGate })[GATE] ??= OutboundGate.fromEnv());

/** Fetches `url` within the bounds; a refusal or a bound reached is an OutboundError saying which. */
export async function outboundFetch(url: string | URL, request: OutboundRequest = {}): Promise<OutboundResponse> {
  const release = await gate().enter(String(url));
  try {
    return await fetchWithin(url, request);
  } finally {
    release();
  }
}

async function fetchWithin(url: string | URL, request: OutboundRequest): Promise<OutboundResponse> {
  const { timeoutMs, maxBytes, maxRedirects } = { ...OUTBOUND_DEFAULTS, ...definedOnly(request) };
  const method = request.method ?? 'GET';
  const deadline = AbortSignal.timeout(timeoutMs);
  const signal = request.signal ? AbortSignal.any([deadline, request.signal]) : deadline;
  let current = checkedUrl(url);
  for (let redirects = 0; ; redirects++) {
    let response: Awaited<ReturnType<typeof undiciFetch>>;
    try {
      response = await undiciFetch(current, {
        method,
        headers: { 'user-agent': userAgent(), ...request.headers },
        body: method === 'GET' || method === 'HEAD' ? undefined : request.body,
        redirect: 'manual',
        signal,
        dispatcher: agent(),
      });
    } catch (err) {
      throw failure(err, current, deadline, timeoutMs);
    }
    const location = response.headers.get('location');
    if (REDIRECTS.has(response.status) && location && (method === 'GET' || method === 'HEAD')) {
      await response.body?.cancel().catch(() => {});
      if (redirects >= maxRedirects) throw new OutboundError('too-many-redirects', `${current} redirected more than ${maxRedirects} times`, current.href);
      current = checkedUrl(new URL(location, current));
      continue;
    }
    const body = method === 'HEAD' ? new Uint8Array() : await readCapped(response, maxBytes, current, deadline, timeoutMs);
    return { url: current.href, status: response.status, headers: response.headers as unknown as Headers, body, text: () => new TextDecoder().decode(body) };
  }
}

/** An http(s) URL whose host, when it is an IP literal, may be reached (names are checked at connect time). */
function checkedUrl(url: string | URL): URL {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new OutboundError('bad-url', `Not a URL: ${String(url).slice(0, 200)}`, String(url));
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw new OutboundError('bad-url', `Only http and https URLs are fetched, not ${parsed.protocol}`, parsed.href);
  if (parsed.username || parsed.password) throw new OutboundError('bad-url', 'URLs with credentials are not fetched', parsed.href);
  const literal = ipLiteral(parsed.hostname);
  if (literal !== undefined && !privateAllowed() && !isPublicAddress(literal)) {
    throw new OutboundError('private-address', `${parsed.host} is a private or local address (set OUTBOUND_ALLOW_PRIVATE=1 to allow)`, parsed.href);
  }
  return parsed;
}

async function readCapped(response: Awaited<ReturnType<typeof undiciFetch>>, maxBytes: number, url: URL, deadline: AbortSignal, timeoutMs: number): Promise<Uint8Array> {
  const declared = Number(response.headers.get('content-length') ?? NaN);
  if (declared > maxBytes) {
    await response.body?.cancel().catch(() => {});
    throw new OutboundError('too-large', `${url} answered ${declared} bytes, more than the ${maxBytes} allowed`, url.href);
  }
  if (!response.body) return new Uint8Array();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for await (const chunk of response.body) {
      size += chunk.byteLength;
      if (size > maxBytes) {
        await response.body.cancel().catch(() => {});
        throw new OutboundError('too-large', `${url} answered more than the ${maxBytes} bytes allowed`, url.href);
      }
      chunks.push(chunk);
    }
  } catch (err) {
    throw failure(err, url, deadline, timeoutMs);
  }
  return Buffer.concat(chunks);
}

function failure(err: unknown, url: URL, deadline: AbortSignal, timeoutMs: number): OutboundError {
  if (err instanceof OutboundError) return err;
  if (deadline.aborted) return new OutboundError('timeout', `${url.host} did not answer within ${timeoutMs} ms`, url.href);
  const cause = (err as { cause?: { code?: string; message?: string } }).cause;
  if (cause?.code === 'EPRIVATEADDRESS') return new OutboundError('private-address', cause.message ?? `${url.host} is a private address`, url.href);
  return new OutboundError('network', `${url.host}: ${cause?.message ?? (err as Error).message}`, url.href);
}

function definedOnly(request: OutboundRequest) {
  const out: Partial<typeof OUTBOUND_DEFAULTS> = {};
  if (request.timeoutMs !== undefined) Object.assign(out, { timeoutMs: request.timeoutMs });
  if (request.maxBytes !== undefined) Object.assign(out, { maxBytes: request.maxBytes });
  if (request.maxRedirects !== undefined) Object.assign(out, { maxRedirects: request.maxRedirects });
  return out;
}

const userAgent = () => `Shelf (+${process.env.SITE_URL?.trim() || 'self-hosted'})`;
