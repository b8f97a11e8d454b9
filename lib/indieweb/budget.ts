// What an anonymous visitor may set off (a Webmention to verify, a token request, a client_id page
// fetched), bounded per client (the edge's key) and for all clients together, each in sliding
// one-minute windows (lib/limits).
import { ClientBudget } from '../limits/client-budget';
import { MinuteWindows } from '../limits/minute-window';

export interface BudgetLimits {
  /** Per client, in any 60 s. */
  perClient: number;
  /** All clients together, in any 60 s. */
  all: number;
  /** Clients remembered (least recently seen dropped first). */
  maxClients?: number;
}

export const minuteBudget = (limits: BudgetLimits) => new ClientBudget(new MinuteWindows(limits.perClient, limits.maxClients), new MinuteWindows(limits.all, 1));
