// A limit per client (the edge's key: lib/http/request-party.ts) and one for all clients together,
// as everything an anonymous visitor can set off is bounded: a forged address gets a fresh share
// of its own, never a fresh share of the whole. A client's share is spent only on a request the
// shared limit admits too, so a crowd cannot use up a quiet client's allowance.

/** Keyed limits: `take` answers 0 when admitted, else the milliseconds to wait; `refund` gives back the last take. */
export interface KeyedLimit {
  take(key: string, now: number): number;
  refund(key: string): void;
}

export type Admission = { ok: true } | { ok: false; retryInMs: number; who: 'client' | 'all' };

const ADMITTED: Admission = { ok: true };
/** The shared limit's one key. */
const ALL = '*';

export class ClientBudget<L extends KeyedLimit = KeyedLimit> {
  constructor(
    readonly perClient: L,
    readonly all: L,
  ) {}

  /** `shared`: which of the shared limit's keys this request counts against (one for all, unless a caller splits them, e.g. by source). */
  take(client: string, now = Date.now(), shared = ALL): Admission {
    const mine = this.perClient.take(client, now);
    if (mine > 0) return { ok: false, retryInMs: mine, who: 'client' };
    const everyone = this.all.take(shared, now);
    if (everyone === 0) return ADMITTED;
    this.perClient.refund(client);
    return { ok: false, retryInMs: everyone, who: 'all' };
  }
}

/** Seconds for a Retry-After header: whole seconds, at least 1. */
export const retryAfterSeconds = (waitMs: number) => String(Math.max(1, Math.ceil(waitMs / 1000)));
