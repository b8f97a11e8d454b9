import { ClientBudget, type Admission } from '../limits/client-budget';
import { TokenBuckets } from '../limits/token-bucket';

// What a cache miss costs is a render (a page through Next in process, a feed, a search): tens of
// milliseconds of CPU, where a kept answer costs microseconds. Anyone can ask for answers nobody
// asked for before (`/about?q=<random>`, a made-up Host while SITE_URL is unset, an RSC request with
// a fresh `_rsc`), so renders are budgeted per client and for all clients together; a refused
// reader gets the previous version of its page when there is one, else a JSON 429 or 503.

export interface RenderBudgetLimits {
  /** Renders a second per client (its burst is three seconds' worth); 0 turns the budget off. */
  perClient: number;
  /** Renders a second for all clients together (its burst is two seconds' worth). */
  all: number;
}

export const DEFAULT_RENDER_LIMITS: RenderBudgetLimits = { perClient: 20, all: 100 };

function rate(env: Record<string, string | undefined>, name: string, fallback: number): number {
  const text = env[name]?.trim();
  if (!text) return fallback;
  const n = Number(text);
  if (!Number.isFinite(n) || n < 0) throw new Error(`${name} must be a number of renders a second (0 turns the budget off), got "${text}"`);
  return n;
}

/** SHELF_RENDER_RATE (per client, default 20) and SHELF_RENDER_GLOBAL_RATE (all clients, default 100). */
export function renderLimitsFromEnv(env: Record<string, string | undefined> = process.env): RenderBudgetLimits {
  return { perClient: rate(env, 'SHELF_RENDER_RATE', DEFAULT_RENDER_LIMITS.perClient), all: rate(env, 'SHELF_RENDER_GLOBAL_RATE', DEFAULT_RENDER_LIMITS.all) };
}

export class RenderBudget {
  private readonly budget: ClientBudget<TokenBuckets> | undefined;

  constructor({ perClient, all }: RenderBudgetLimits = DEFAULT_RENDER_LIMITS) {
    this.budget =
      perClient > 0 && all > 0
        ? new ClientBudget(new TokenBuckets({ perSecond: perClient, burst: Math.ceil(3 * perClient) }), new TokenBuckets({ perSecond: all, burst: Math.ceil(2 * all), maxKeys: 1 }))
        : undefined;
  }

  take(client: string, now = Date.now()): Admission {
    return this.budget ? this.budget.take(client, now) : { ok: true };
  }
}

/** A render the budget refused: the edge answers it as 429 (this client) or 503 (everyone), with Retry-After. */
export class RenderRefused extends Error {
  constructor(readonly admission: Extract<Admission, { ok: false }>) {
    super(admission.who === 'client' ? 'Too many pages rendered for you at once; try again shortly' : 'The server is rendering as many pages as it can; try again shortly');
  }
}
