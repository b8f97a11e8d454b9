import 'server-only';
// Lookups per client: LOOKUP_RATE_LIMIT a minute (default 60), so one client cannot use up a
// source's allowance or the server's outbound requests. Clients are kept in a bounded LRU.
import { LRUCache } from 'lru-cache';
import { singleton } from '../eventstore/registry';
import { MinuteWindow } from '../limits/minute-window';

export const lookupRateLimit = () => {
  const value = Number(process.env.LOOKUP_RATE_LIMIT);
  return Number.isSafeInteger(value) && value > 0 ? value : 60;
};

const clients = () => singleton('lookup-clients', () => new LRUCache<string, MinuteWindow>({ max: 10_000, ttl: 60_000 }));

export function takeLookupSlot(client: string): { ok: true } | { ok: false; retryInMs: number } {
  let window = clients().get(client);
  if (!window) clients().set(client, (window = new MinuteWindow(lookupRateLimit())));
  return window.take(Date.now());
}
