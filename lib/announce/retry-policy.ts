// When to try again. Every clock and wait goes through `Timing`, so tests run a whole backoff
// schedule without waiting for it.
import { setTimeout as sleepFor } from 'node:timers/promises';

export interface RetryPolicy {
  /** Attempts per round: the first send and its automatic retries. An admin's retry starts a new round. */
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { maxAttempts: 5, baseDelayMs: 10_000, maxDelayMs: 15 * 60_000 };

export interface Timing {
  now(): number;
  /** Resolves after `ms`, rejects when `signal` aborts. */
  sleep(ms: number, signal: AbortSignal): Promise<void>;
  /** In [0, 1): the jitter. */
  random(): number;
}

/** Node's timers cap a delay at about 24.8 days. */
const MAX_TIMER_MS = 2 ** 31 - 1;

export const realTiming: Timing = {
  now: () => Date.now(),
  // unref'd: a retry waiting for hours does not keep a stopping server alive.
  sleep: (ms, signal) => sleepFor(Math.min(Math.max(0, ms), MAX_TIMER_MS), undefined, { signal, ref: false }),
  random: Math.random,
};

/**
 * The wait after the `failures`-th failure of a round: exponential (base, 2·base, 4·base, ...)
 * up to the cap, with "equal jitter" (a random point in the upper half) so that posts that failed
 * together do not retry in lockstep.
 */
export function backoffDelay(failures: number, policy: RetryPolicy, random: () => number): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, failures - 1));
  return Math.round(ceiling / 2 + (ceiling / 2) * random());
}

/**
 * `ANNOUNCE_MAX_ATTEMPTS` and `ANNOUNCE_RETRY_BASE_MS` (or `<prefix>_…`: `FEDIVERSE_…` for the fediverse's deliveries) override the defaults (a value that is not a
 * positive integer is ignored with a warning, never half-applied).
 */
export function retryPolicyFromEnv(env: Record<string, string | undefined>, warn: (m: string) => void = console.warn, prefix = 'ANNOUNCE'): Partial<RetryPolicy> {
  const policy: Partial<RetryPolicy> = {};
  const read = (name: string): number | undefined => {
    const raw = env[name]?.trim();
    if (!raw) return undefined;
    if (/^[1-9]\d{0,8}$/.test(raw)) return Number(raw);
    warn(`${prefix === 'ANNOUNCE' ? 'announcer' : prefix.toLowerCase()}: ignoring ${name}=${raw}: not a positive integer`);
    return undefined;
  };
  const attempts = read(`${prefix}_MAX_ATTEMPTS`);
  const base = read(`${prefix}_RETRY_BASE_MS`);
  if (attempts !== undefined) policy.maxAttempts = attempts;
  if (base !== undefined) policy.baseDelayMs = base;
  return policy;
}
