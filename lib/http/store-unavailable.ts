import { isStoreUnavailable } from '../eventstore/errors';
import { jsonError } from './json';

/**
 * Runs a write handler; when the event log's database does not answer, the client gets a 503
 * JSON error (nothing was acknowledged: retrying, with the same Idempotency-Key, is safe).
 */
export async function unavailableAs503(handler: () => Promise<Response>): Promise<Response> {
  try {
    return await handler();
  } catch (err) {
    if (!isStoreUnavailable(err)) throw err;
    const response = jsonError(503, err.message);
    response.headers.set('retry-after', '5');
    return response;
  }
}
