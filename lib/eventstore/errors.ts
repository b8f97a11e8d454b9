import type { ZodError } from 'zod';

/** The event's data failed its schema. `issues` name the fields. */
export class EventValidationError extends Error {
  override name = 'EventValidationError';
  constructor(
    readonly type: string,
    readonly error: ZodError,
  ) {
    super(`invalid ${type}: ${error.issues.map((i) => `${i.path.join('.') || '(event)'}: ${i.message}`).join('; ')}`);
  }
}

/** The reducer refused the event (a domain rule); nothing was written. */
export class EventRejectedError extends Error {
  override name = 'EventRejectedError';
  constructor(
    readonly type: string,
    readonly reason: string,
    options?: { cause?: unknown },
  ) {
    super(`${type} rejected: ${reason}`, options);
  }
}

/** A line of the log that is not a valid event: boot stops and the file is left as it is. */
export class CorruptLogError extends Error {
  override name = 'CorruptLogError';
  constructor(
    readonly file: string,
    readonly line: number,
    readonly reason: string,
  ) {
    super(`${file}:${line}: ${reason}`);
  }
}

/** Another live process holds the events directory. */
export class StoreLockedError extends Error {
  override name = 'StoreLockedError';
}

/**
 * The store takes no writes now (free space under MIN_FREE_BYTES, or the last write failed and no
 * write succeeded since; or the log's database does not answer); nothing was acknowledged (a
 * write may have committed just before a connection was lost: a retry with the same id is safe).
 * HTTP: 503 with the message as JSON.
 */
export class StoreUnavailableError extends Error {
  override name = 'StoreUnavailableError';
  readonly status = 503;
  /** True when the write may still land (sent, but no answer in time): a retry must carry the same id to be safe. */
  readonly mayHaveLanded: boolean;

  constructor(message: string, options: ErrorOptions & { mayHaveLanded?: boolean } = {}) {
    super(message, options);
    this.mayHaveLanded = options.mayHaveLanded ?? false;
  }
}

/**
 * By name, not instanceof: Next may load this module more than once per process, and the store
 * (created by the first copy) throws that copy's class.
 */
export function isStoreUnavailable(err: unknown): err is StoreUnavailableError {
  return err instanceof Error && err.name === 'StoreUnavailableError';
}
