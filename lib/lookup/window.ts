// A sliding one-minute window: at most `limit` events in any 60 s.

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
}
