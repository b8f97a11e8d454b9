// How long any one query of the event log may take. A write whose database does not answer within
// it is refused with 503 (nothing acknowledged) instead of hanging the request.

export const DEFAULT_DEADLINE_MS = 3000;

/** `DATABASE_DEADLINE_MS`: milliseconds, default 3000. */
export function deadlineFromEnv(raw: string | undefined = process.env.DATABASE_DEADLINE_MS): number {
  if (raw === undefined || raw.trim() === '') return DEFAULT_DEADLINE_MS;
  const n = Number(raw.trim());
  if (!Number.isSafeInteger(n) || n < 100) throw new Error(`DATABASE_DEADLINE_MS must be a whole number of milliseconds, at least 100, not ${JSON.stringify(raw)}`);
  return n;
}

/** What a query that ran out of time rejects with; its code counts as a lost connection (connection.ts). */
export class DeadlineError extends Error {
  override name = 'DeadlineError';
  readonly code = 'SHELF_DEADLINE';
  constructor(ms: number) {
    super(`no answer within ${ms} ms (DATABASE_DEADLINE_MS)`);
  }
}

/** `work`, or a DeadlineError once `ms` have passed (the work itself goes on; its outcome is ignored). */
export function withDeadline<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new DeadlineError(ms)), ms);
  });
  work.catch(() => {}); // a late failure after the deadline is nobody's to handle
  return Promise.race([work, expired]).finally(() => clearTimeout(timer));
}
