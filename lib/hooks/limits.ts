import 'server-only';
// Deliveries a minute, per source: HOOKS_RATE_LIMIT per client (the edge's key; default 120, far
// above what a media server sends: Plex fires play, pause, resume, stop and scrobble per film) and
// HOOKS_GLOBAL_RATE_LIMIT for all clients together (default 600), so however many addresses a
// flood comes from, one source costs at most that many body reads and writes a minute. Only
// requests with the right secret get here: a wrong one is a 404 that reads nothing.
import { LRUCache } from 'lru-cache';
import { singleton } from '../eventstore/registry';
import { MinuteWindow } from '../lookup/window';
import type { LoggedBy } from '../media/logged-by';

const limit = (name: string, fallback: number) => {
  const value = Number(process.env[name]);
  return Number.isSafeInteger(value) && value > 0 ? value : fallback;
};
export const hooksRateLimit = () => limit('HOOKS_RATE_LIMIT', 120);
export const hooksGlobalRateLimit = () => limit('HOOKS_GLOBAL_RATE_LIMIT', 600);

const windows = () =>
  singleton('hooks:windows', () => ({
    clients: new LRUCache<string, MinuteWindow>({ max: 10_000, ttl: 60_000 }),
    sources: new Map<LoggedBy, MinuteWindow>(),
  }));

export type Slot = { ok: true } | { ok: false; retryInMs: number; who: 'client' | 'everyone' };

export function takeHookSlot(source: LoggedBy, client: string, now = Date.now()): Slot {
  const { clients, sources } = windows();
  const key = `${source}|${client}`;
  let mine = clients.get(key);
  if (!mine) clients.set(key, (mine = new MinuteWindow(hooksRateLimit())));
  const own = mine.take(now);
  if (!own.ok) return { ok: false, retryInMs: own.retryInMs, who: 'client' };
  let all = sources.get(source);
  if (!all) sources.set(source, (all = new MinuteWindow(hooksGlobalRateLimit())));
  const shared = all.take(now);
  return shared.ok ? shared : { ok: false, retryInMs: shared.retryInMs, who: 'everyone' };
}

/** Forgets every window (tests). */
export function resetHookLimits(): void {
  windows().clients.clear();
  windows().sources.clear();
}
