// What an HTTP answer means for a retry: which statuses are worth another try, and how long a
// network asked us to wait.
import { ChannelError } from './types';

/** 408, 425, 429 and 5xx can pass; any other 4xx (credentials, validation) will fail again. */
export const isRetryableStatus = (status: number) => status === 408 || status === 425 || status === 429 || status >= 500;

/** `Retry-After` as milliseconds from `now`: delay-seconds or an HTTP date; undefined if absent or malformed. */
export function parseRetryAfter(value: string | null | undefined, now: number): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

/** A rate-limit reset time as milliseconds from `now`: epoch seconds (X, Bluesky) or an ISO date (Mastodon). */
export function parseResetTime(value: string | null | undefined, now: number): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  const at = /^\d+(\.\d+)?$/.test(trimmed) ? Number(trimmed) * 1000 : Date.parse(trimmed);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

type HeaderSource = { get(name: string): string | null | undefined };

// Error messages never name the channel: the admin's status line and the announcer's log line
// already do ("Webhook: retrying (attempt 3: connection refused …)").

/** A failed HTTP answer as a ChannelError ("HTTP 503: upstream down"); Retry-After wins over a rate-limit reset header. */
export function httpError(status: number, detail: string, headers: HeaderSource, now: number, resetHeader?: string): ChannelError {
  const retryAfterMs =
    parseRetryAfter(headers.get('retry-after'), now) ?? (status === 429 && resetHeader ? parseResetTime(headers.get(resetHeader), now) : undefined);
  const message = `HTTP ${status}${detail ? `: ${detail.slice(0, 500)}` : ''}`;
  return new ChannelError(message, { retryable: isRetryableStatus(status), retryAfterMs, status });
}

/** A network error, a timeout or a refused connection: worth another try, with its cause in words. */
export function transportError(err: unknown): ChannelError {
  return new ChannelError(transportReason(err), { retryable: true, cause: err });
}

type SystemError = Error & { code?: string; address?: string; port?: number; hostname?: string };

const CODE_WORDS: Record<string, string> = {
  ECONNREFUSED: 'connection refused',
  ECONNRESET: 'connection reset',
  ENOTFOUND: 'host not found',
  EAI_AGAIN: 'host name lookup failed',
  ETIMEDOUT: 'connection timed out',
  EHOSTUNREACH: 'host unreachable',
  ENETUNREACH: 'network unreachable',
  UND_ERR_CONNECT_TIMEOUT: 'connection timed out',
  UND_ERR_SOCKET: 'connection closed by the other side',
  UND_ERR_HEADERS_TIMEOUT: 'timed out waiting for an answer',
  UND_ERR_BODY_TIMEOUT: 'timed out reading the answer',
};

/**
 * What went wrong under a failed request, in words: fetch's own message is just "fetch failed",
 * the reason (ECONNREFUSED 127.0.0.1:9, a timeout, a bad certificate) sits in its `cause` chain.
 */
export function transportReason(err: unknown): string {
  const chain: SystemError[] = [];
  for (let e: unknown = err; e instanceof Error && chain.length < 5; e = e.cause) chain.push(e as SystemError);
  if (chain.length === 0) return String(err);
  if (chain.some((e) => e.name === 'TimeoutError')) return 'timed out';
  const coded = chain.find((e) => e.code && CODE_WORDS[e.code]);
  if (coded) {
    const where = coded.address ? ` (${coded.address}${coded.port ? `:${coded.port}` : ''})` : coded.hostname ? ` (${coded.hostname})` : '';
    return `${CODE_WORDS[coded.code!]}${where}`;
  }
  // The deepest message says the most (fetch failed ← certificate has expired).
  const deepest = chain.at(-1)!;
  const top = chain[0]!;
  const said = deepest === top ? top.message : `${top.message}: ${deepest.message}`;
  return (said || top.name || String(err)).slice(0, 300);
}

/** The caller's signal and a timeout, whichever ends first. */
export const withTimeout = (signal: AbortSignal | undefined, ms: number) =>
  signal ? AbortSignal.any([signal, AbortSignal.timeout(ms)]) : AbortSignal.timeout(ms);

/** A short, single-line excerpt of a response body for an error message. */
export async function bodyExcerpt(res: Response): Promise<string> {
  try {
    const text = await res.text();
    try {
      const json = JSON.parse(text) as { error?: unknown; message?: unknown; detail?: unknown };
      const said = json.error ?? json.message ?? json.detail;
      if (typeof said === 'string') return said.slice(0, 300);
    } catch {
      // not JSON: the text itself
    }
    return text.replace(/\s+/g, ' ').trim().slice(0, 300);
  } catch {
    return '';
  }
}
