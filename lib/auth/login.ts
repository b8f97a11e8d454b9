import 'server-only';
import { setTimeout as sleep } from 'node:timers/promises';
import { singleton } from '@/lib/eventstore';
import { checkAdminPassword } from './password';
import { LoginLimiter } from './rate-limit';

/** Every wrong password costs this long: cheap for a typo, slow for a guessing script. */
export const WRONG_PASSWORD_DELAY_MS = 400;

export const loginLimiter = () => singleton('auth:login-limiter', () => new LoginLimiter());

export type LoginAttempt =
  | { ok: true }
  | { ok: false; reason: 'wrong-password' }
  | { ok: false; reason: 'rate-limited'; retryAt: number };

export interface AttemptOptions {
  now?: number;
  delay?: (ms: number) => Promise<unknown>;
  limiter?: LoginLimiter;
  /** The id of this browser's verified device cookie: a browser that logged in before is judged by its own record. */
  device?: string | null;
}

/**
 * Checks a password typed by `client`. Refused outright while that client (or everyone) is locked
 * out, unless it comes from a known browser (`device`), which only its own failures can lock; the check and the bookkeeping happen in one synchronous step, so parallel requests cannot
 * slip extra guesses in before a lockout is recorded.
 */
export async function attemptLogin(password: string, client: string, options: AttemptOptions = {}): Promise<LoginAttempt> {
  const { now = Date.now(), delay = sleep, limiter = loginLimiter(), device } = options;
  const decision = limiter.check(client, now, device);
  if (!decision.allowed) return { ok: false, reason: 'rate-limited', retryAt: decision.retryAt };
  if (checkAdminPassword(password)) {
    limiter.recordSuccess(client, device);
    return { ok: true };
  }
  limiter.recordFailure(client, now, device);
  await delay(WRONG_PASSWORD_DELAY_MS);
  return { ok: false, reason: 'wrong-password' };
}
