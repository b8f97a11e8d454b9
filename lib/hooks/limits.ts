import 'server-only';
// Deliveries a minute, per source: HOOKS_RATE_LIMIT per client (the edge's key; default 120, far
// above what a media server sends: Plex fires play, pause, resume, stop and scrobble per film) and
// HOOKS_GLOBAL_RATE_LIMIT for all clients together (default 600), so however many addresses a
// flood comes from, one source costs at most that many body reads and writes a minute. Only
// requests with the right secret get here: a wrong one is a 404 that reads nothing, counted per
// client by hookSecretLimiter.
import { LoginLimiter } from '../auth/rate-limit';
import { forgetSingleton, singleton } from '../eventstore/registry';
import { ClientBudget, type Admission } from '../limits/client-budget';
import { MinuteWindows } from '../limits/minute-window';
import { LOGGED_BY, type LoggedBy } from '../media/logged-by';

const limit = (name: string, fallback: number) => {
  const value = Number(process.env[name]);
  return Number.isSafeInteger(value) && value > 0 ? value : fallback;
};
export const hooksRateLimit = () => limit('HOOKS_RATE_LIMIT', 120);
export const hooksGlobalRateLimit = () => limit('HOOKS_GLOBAL_RATE_LIMIT', 600);

/** Sliding minute windows (lib/limits): per source and client, and per source for all clients. */
const budget = () =>
  singleton('hooks:budget', () => new ClientBudget(new MinuteWindows(hooksRateLimit()), new MinuteWindows(hooksGlobalRateLimit(), LOGGED_BY.length)));

export function takeHookSlot(source: LoggedBy, client: string, now = Date.now()): Admission {
  return budget().take(`${source}|${client}`, now, source);
}

/**
 * Wrong hook URLs per client, counted as wrong API tokens are: 5 within 15 minutes lock that client
 * out for 5 minutes, doubling. No all-clients limit: a secret of 16+ characters cannot be guessed
 * anyway, and a shared lock would let anyone stop the owner's media servers.
 */
export const hookSecretLimiter = () => singleton('hooks:secret-limiter', () => new LoginLimiter({ global: null }));

/** Forgets every window and wrong guess, and reads the limits again (tests). */
export function resetHookLimits(): void {
  forgetSingleton('hooks:budget');
  forgetSingleton('hooks:secret-limiter');
}
