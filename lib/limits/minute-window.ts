// Sliding one-minute windows: at most `limit` events in any 60 s (a per-minute allowance such as
// a lookup source's, or IndieWeb's budgets), alone or by key.
import { LRUCache } from 'lru-cache';
import type { KeyedLimit } from './client-budget';

export class MinuteWindow {
  private readonly times: number[] = [];
  constructor(private readonly limit: number) {}

  /** Takes a slot at `now`, or returns the milliseconds until one frees up. */
  take(now: number): { ok: true } | { ok: false; retryInMs: number } {
    while (this.times.length > 0 && now - this.times[0]! >= 60_000) this.times.shift();
    if (this.times.length >= this.limit) return { ok: false, retryInMs: 60_000 - (now - this.times[0]!) };
    this.times.push(now);
    return { ok: true };
  }

  /** Gives back the last slot taken. */
  refund(): void {
    this.times.pop();
  }
}

/** A minute window per key, the least recently seen forgotten past `maxKeys` (and a minute after its last use). */
export class MinuteWindows implements KeyedLimit {
  private readonly windows: LRUCache<string, MinuteWindow>;

  constructor(
    private readonly limit: number,
    maxKeys = 10_000,
  ) {
    this.windows = new LRUCache({ max: maxKeys, ttl: 60_000 });
  }

  take(key: string, now: number): number {
    let window = this.windows.get(key);
    if (!window) this.windows.set(key, (window = new MinuteWindow(this.limit)));
    const taken = window.take(now);
    return taken.ok ? 0 : taken.retryInMs;
  }

  refund(key: string): void {
    this.windows.get(key)?.refund();
  }
}
