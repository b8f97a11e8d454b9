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

/** A failed HTTP answer as a ChannelError; Retry-After wins over a rate-limit reset header. */
export function httpError(
  what: string,
  status: number,
  detail: string,
  headers: HeaderSource,
  now: number,
  resetHeader?: string,
): ChannelError {
  const retryAfterMs =
    parseRetryAfter(headers.get('retry-after'), now) ?? (status === 429 && resetHeader ? parseResetTime(headers.get(resetHeader), now) : undefined);
  const message = `${what}: HTTP ${status}${detail ? ` ${detail.slice(0, 500)}` : ''}`;
  return new ChannelError(message, { retryable: isRetryableStatus(status), retryAfterMs, status });
}

/** A network error, a timeout or a refused connection: worth another try. */
export function transportError(what: string, err: unknown): ChannelError {
  const e = err as Error;
  const reason = e?.name === 'TimeoutError' ? 'timed out' : e?.message || String(err);
  return new ChannelError(`${what}: ${reason}`, { retryable: true, cause: err });
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
