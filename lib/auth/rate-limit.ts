// Failed-login limiter. The rules are pure functions of (record, time) so that tests can drive
// them with any clock; LoginLimiter only keeps the records in a Map.

export interface LimitPolicy {
  /** Failures within `windowMs` that trigger a lockout. */
  maxFailures: number;
  windowMs: number;
  /** First lockout; each further one doubles, up to `maxLockMs`. */
  baseLockMs: number;
  maxLockMs: number;
  /** A record with no failure for this long starts over (forgets past lockouts). */
  forgetAfterMs: number;
}

export interface FailureRecord {
  /** Times of the failures since the last lockout, within the window. */
  readonly failures: readonly number[];
  /** Refuse attempts until then (0: not locked). */
  readonly lockedUntil: number;
  /** Lockouts so far: the next one lasts baseLockMs * 2^lockouts. */
  readonly lockouts: number;
  readonly lastFailureAt: number;
}

/** Per client: 5 failures in 15 minutes lock it out for 5, 10, 20, 40, then 60 minutes. */
export const perClientPolicy: LimitPolicy = {
  maxFailures: 5,
  windowMs: 15 * 60_000,
  baseLockMs: 5 * 60_000,
  maxLockMs: 60 * 60_000,
  forgetAfterMs: 24 * 60 * 60_000,
};

/**
 * All clients together. A client that forges X-Forwarded-For gets a fresh per-client record per
 * value, so this ceiling bounds the guesses an attacker can make whatever the header says. It is
 * far above what the owner's typos can reach.
 */
export const globalPolicy: LimitPolicy = { ...perClientPolicy, maxFailures: 50 };

/** When the record refuses attempts at `now`, the time it accepts them again; else null. */
export function lockedUntil(record: FailureRecord | undefined, now: number): number | null {
  return record && now < record.lockedUntil ? record.lockedUntil : null;
}

/** The record after one more failure at `now`; a failure while locked does not extend the lock. */
export function afterFailure(record: FailureRecord | undefined, now: number, policy: LimitPolicy): FailureRecord {
  const fresh = !record || now - record.lastFailureAt >= policy.forgetAfterMs;
  const lockouts = fresh ? 0 : record.lockouts;
  const recent = fresh ? [] : record.failures.filter((t) => now - t < policy.windowMs);
  const failures = [...recent, now];
  if (failures.length < policy.maxFailures) {
    return { failures, lockedUntil: fresh ? 0 : record.lockedUntil, lockouts, lastFailureAt: now };
  }
  const lockMs = Math.min(policy.baseLockMs * 2 ** lockouts, policy.maxLockMs);
  return { failures: [], lockedUntil: now + lockMs, lockouts: lockouts + 1, lastFailureAt: now };
}

/** Whether a record can be dropped without changing any future decision. */
export function isForgettable(record: FailureRecord, now: number, policy: LimitPolicy): boolean {
  return now >= record.lockedUntil && now - record.lastFailureAt >= policy.forgetAfterMs;
}

export type LimitDecision = { allowed: true } | { allowed: false; retryAt: number };

export interface LoginLimiterOptions {
  perClient?: LimitPolicy;
  /** All clients together; null for none (API tokens: a guess is hopeless, and the owner must never be shut out). */
  global?: LimitPolicy | null;
  /** Past this many client (or device) records the oldest are dropped (bounded memory under a forged-header flood). */
  maxClients?: number;
}

/**
 * Per-client records plus one shared record for all clients, in memory; and, after OWASP's
 * "device cookies", one record per known browser (a signed cookie from an earlier successful
 * login). A known browser that is not locked out itself is judged by its own record only, so a
 * flood of failures from forged addresses (which trips the shared record) cannot shut the owner
 * out; its failures count against that browser alone. A locked-out device is treated as unknown.
 */
export class LoginLimiter {
  private readonly clients = new Map<string, FailureRecord>();
  private readonly devices = new Map<string, FailureRecord>();
  private global: FailureRecord | undefined;
  private readonly perClient: LimitPolicy;
  private readonly globalLimit: LimitPolicy | null;
  private readonly maxClients: number;

  constructor(options: LoginLimiterOptions = {}) {
    this.perClient = options.perClient ?? perClientPolicy;
    this.globalLimit = options.global === undefined ? globalPolicy : options.global;
    this.maxClients = options.maxClients ?? 10_000;
  }

  /** Whether `device` (a verified device cookie's id) is judged by its own record at `now`. */
  private trusted(device: string | null | undefined, now: number): device is string {
    return !!device && lockedUntil(this.devices.get(device), now) === null;
  }

  check(client: string, now: number, device?: string | null): LimitDecision {
    if (this.trusted(device, now)) return { allowed: true };
    const until = Math.max(lockedUntil(this.clients.get(client), now) ?? 0, lockedUntil(this.global, now) ?? 0);
    return until > now ? { allowed: false, retryAt: until } : { allowed: true };
  }

  recordFailure(client: string, now: number, device?: string | null): void {
    if (this.trusted(device, now)) {
      remember(this.devices, device, afterFailure(this.devices.get(device), now, this.perClient));
      this.prune(this.devices, now);
      return;
    }
    remember(this.clients, client, afterFailure(this.clients.get(client), now, this.perClient));
    if (this.globalLimit) this.global = afterFailure(this.global, now, this.globalLimit);
    this.prune(this.clients, now);
  }

  /** The owner got in from there: that client (and browser) starts over (the shared record does not). */
  recordSuccess(client: string, device?: string | null): void {
    this.clients.delete(client);
    if (device) this.devices.delete(device);
  }

  /** Number of client records held (for tests). */
  get size(): number {
    return this.clients.size;
  }

  private prune(records: Map<string, FailureRecord>, now: number): void {
    for (const [key, record] of records) {
      if (records.size <= this.maxClients && !isForgettable(record, now, this.perClient)) break;
      records.delete(key);
    }
  }
}

/** Re-inserts so the Map's order stays oldest-failure first. */
function remember(records: Map<string, FailureRecord>, key: string, record: FailureRecord): void {
  records.delete(key);
  records.set(key, record);
}

/** "5 minutes", "45 seconds": how long until `retryAt`, rounded up. */
export function formatWait(retryAt: number, now: number): string {
  const seconds = Math.max(1, Math.ceil((retryAt - now) / 1000));
  if (seconds < 60) return `${seconds} second${seconds === 1 ? '' : 's'}`;
  const minutes = Math.ceil(seconds / 60);
  return `${minutes} minute${minutes === 1 ? '' : 's'}`;
}
