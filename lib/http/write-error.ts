// A write that failed after its input was accepted (disk full, I/O error, a store that refuses
// writes) is answered as JSON saying so, never as an empty 500 from the framework.
import { jsonErrorAnswer, toResponse, type Answer } from './answer';

const REASONS: Record<string, string> = {
  ENOSPC: 'the disk is full',
  EDQUOT: 'the disk quota is used up',
  EROFS: 'the disk is read-only',
  EIO: 'the disk reported an I/O error',
  EACCES: 'the server may not write its events directory',
  EPERM: 'the server may not write its events directory',
};

/**
 * The answer for a failed write of `what` ("The entry", "The order"): 503 when the error says
 * the store is unavailable for now (an error with `status` 503, or a store that refuses writes),
 * else 500; the message names the cause without internal paths. Logged for the owner.
 */
export function writeErrorAnswer(what: string, err: unknown): Answer {
  console.error(`${what} could not be saved:`, err);
  const e = err as { status?: unknown; code?: unknown; name?: unknown; message?: unknown; mayHaveLanded?: unknown };
  const unavailable = e?.status === 503 || e?.name === 'StoreUnavailableError';
  const reason =
    (typeof e?.code === 'string' && REASONS[e.code]) ||
    (unavailable && typeof e?.message === 'string' ? e.message : 'an internal error (see the server log)');
  // A write sent to a database that did not answer in time may still land: say so, and how to retry safely.
  const after = e?.mayHaveLanded === true ? 'It may still have been recorded: send it again with the same Idempotency-Key, or check before logging it again.' : 'Nothing was recorded; try again later.';
  return jsonErrorAnswer(unavailable ? 503 : 500, `${what} could not be saved: ${reason}. ${after}`);
}

/** The same as a Response, for Next's route handlers. */
export const writeErrorResponse = (what: string, err: unknown): Response => toResponse(writeErrorAnswer(what, err));
