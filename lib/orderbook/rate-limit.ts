// The demo's switches: ORDERBOOK=off, and its rates (orders per second per client and for all
// clients together), whose token buckets are lib/limits/token-bucket.ts (order-gate.ts holds them).

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
