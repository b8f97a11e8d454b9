// Token buckets by key: a rate per second with a burst, for anything a client may do often but
// not without end (orders, inbox deliveries). Below the domains (lib/limits), so each uses the
// same one; pure and framework-free: route handlers and the edge ask the same process-wide object.

export interface TokenBucketOptions {
  /** Tokens per second per key; 0 turns the limit off. */
  perSecond: number;
  /** Tokens a key may spend at once after being idle (the bucket's size). Default: one second's worth, at least 1. */
  burst?: number;
  /** Keys remembered; past it the least recently seen is forgotten (bounded memory under forged addresses). */
  maxKeys?: number;
}

interface Bucket {
  tokens: number;
  at: number;
}

/**
 * `take(key, now)` is O(1): one Map lookup, a refill computed from the time since the key's last
 * take, and an in-place update (no allocation for a known key). It answers 0 when the request may
 * go ahead, else how many milliseconds until it would.
 */
export class TokenBuckets {
  readonly perSecond: number;
  readonly burst: number;
  private readonly maxKeys: number;
  private readonly buckets = new Map<string, Bucket>();

  constructor({ perSecond, burst, maxKeys = 10_000 }: TokenBucketOptions) {
    this.perSecond = perSecond;
    this.burst = burst ?? Math.max(1, perSecond);
    this.maxKeys = maxKeys;
  }

  get enabled(): boolean {
    return this.perSecond > 0;
  }

  take(key: string, now: number): number {
    if (this.perSecond <= 0) return 0;
    let bucket = this.buckets.get(key);
    if (bucket === undefined) {
      if (this.buckets.size >= this.maxKeys) this.buckets.delete(this.buckets.keys().next().value!);
      bucket = { tokens: this.burst, at: now };
      this.buckets.set(key, bucket);
    } else {
      // Re-insert so that the Map's first key is the least recently seen one.
      this.buckets.delete(key);
      this.buckets.set(key, bucket);
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

  /** Gives back the token of a request that did not go ahead after all (another limit refused it). */
  refund(key: string): void {
    const bucket = this.buckets.get(key);
    if (bucket) bucket.tokens = Math.min(this.burst, bucket.tokens + 1);
  }

  /** Keys remembered (for tests). */
  get size(): number {
    return this.buckets.size;
  }
}
