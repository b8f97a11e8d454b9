// The demo's write limit: a token bucket per client (orders per second, with a short burst), so
// one anonymous client cannot fill the disk through /buy and /sell. Pure and framework-free: the
// route handlers call it, and so can a custom Node server in front of Next.

export interface OrderRateLimitOptions {
  /** Orders per second per client; 0 turns the limit off. */
  perSecond: number;
  /** Orders a client may place at once after being idle (the bucket's size). Default: one second's worth, at least 1. */
  burst?: number;
  /** Clients remembered; past it the least recently seen is forgotten (bounded memory under forged addresses). */
  maxClients?: number;
}

interface Bucket {
  tokens: number;
  at: number;
}

/**
 * `take(client, now)` is O(1): one Map lookup, a refill computed from the time since the last
 * order, and an in-place update (no allocation for a known client). It answers 0 when the order
 * may go ahead, else how many milliseconds until it would.
 */
export class OrderRateLimiter {
  readonly perSecond: number;
  readonly burst: number;
  private readonly maxClients: number;
  private readonly buckets = new Map<string, Bucket>();

  constructor({ perSecond, burst, maxClients = 10_000 }: OrderRateLimitOptions) {
    this.perSecond = perSecond;
    this.burst = burst ?? Math.max(1, perSecond);
    this.maxClients = maxClients;
  }

  get enabled(): boolean {
    return this.perSecond > 0;
  }

  take(client: string, now: number): number {
    if (this.perSecond <= 0) return 0;
    let bucket = this.buckets.get(client);
    if (bucket === undefined) {
      if (this.buckets.size >= this.maxClients) this.buckets.delete(this.buckets.keys().next().value!);
      bucket = { tokens: this.burst, at: now };
      this.buckets.set(client, bucket);
    } else {
      // Re-insert so that the Map's first key is the least recently seen client.
      this.buckets.delete(client);
      this.buckets.set(client, bucket);
      const refilled = bucket.tokens + ((now - bucket.at) * this.perSecond) / 1000;
      bucket.tokens = refilled > this.burst ? this.burst : refilled;
      bucket.at = now;
    }
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return 0;
    }
    return Math.ceil(((1 - bucket.tokens) * 1000) / this.perSecond);
  }

  /** Gives back the token of an order that was not placed after all (another limit refused it). */
  refund(client: string): void {
    const bucket = this.buckets.get(client);
    if (bucket) bucket.tokens = Math.min(this.burst, bucket.tokens + 1);
  }

  /** Clients remembered (for tests). */
  get size(): number {
    return this.buckets.size;
  }
}

/** `ORDERBOOK_RATE_LIMIT`: orders per second per client, default 20, `0` off (also ORDERBOOK_GLOBAL_RATE_LIMIT, default 200). */
export function parseOrderRateLimit(raw: string | undefined, name = 'ORDERBOOK_RATE_LIMIT', fallback = 20): number {
  if (raw === undefined || raw.trim() === '') return fallback;
  const value = raw.trim();
  if (!/^\d{1,6}(?:\.\d+)?$/.test(value)) {
    throw new Error(`${name} must be a number of orders per second (0 turns the limit off), not ${JSON.stringify(raw)}`);
  }
  return Number(value);
}

let lastRaw: string | undefined;
let lastEnabled = true;

/** `ORDERBOOK=off` (or `0`, `false`, `no`) turns the demo's routes off. Checked on every order: the answer for the last value is kept. */
export function orderbookEnabled(raw: string | undefined = process.env.ORDERBOOK): boolean {
  if (raw === lastRaw) return lastEnabled;
  lastRaw = raw;
  return (lastEnabled = !/^\s*(?:off|0|false|no|disabled?)\s*$/i.test(raw ?? ''));
}

/** Seconds for a Retry-After header: whole seconds, at least 1. */
export const retryAfterSeconds = (waitMs: number) => String(Math.max(1, Math.ceil(waitMs / 1000)));
