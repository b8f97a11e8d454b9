// What an anonymous visitor may set off (a Webmention to verify, a token request, a client_id page
// fetched), bounded per client (the edge's key) and for all clients together: a forged address
// gets a fresh per-client window, never a fresh share of the whole.
import { LRUCache } from 'lru-cache';
import { MinuteWindow } from '../lookup/window';

export interface BudgetLimits {
  /** Per client, in any 60 s. */
  perClient: number;
  /** All clients together, in any 60 s. */
  all: number;
  /** Clients remembered (least recently seen dropped first). */
  maxClients?: number;
}

export type BudgetDecision = { ok: true } | { ok: false; retryInMs: number; who: 'client' | 'all' };

export class MinuteBudget {
  private readonly clients: LRUCache<string, MinuteWindow>;
  private readonly everyone: MinuteWindow;

  constructor(private readonly limits: BudgetLimits) {
    this.clients = new LRUCache({ max: limits.maxClients ?? 10_000, ttl: 60_000 });
    this.everyone = new MinuteWindow(limits.all);
  }

  /** Takes one request from the client's window and the shared one, or says how long to wait. */
  take(client: string, now = Date.now()): BudgetDecision {
    let window = this.clients.get(client);
    if (!window) this.clients.set(client, (window = new MinuteWindow(this.limits.perClient)));
    const mine = window.take(now);
    if (!mine.ok) return { ok: false, retryInMs: mine.retryInMs, who: 'client' };
    const all = this.everyone.take(now);
    return all.ok ? { ok: true } : { ok: false, retryInMs: all.retryInMs, who: 'all' };
  }
}

/** Seconds for a Retry-After header. */
export const retryAfter = (ms: number) => String(Math.max(1, Math.ceil(ms / 1000)));
