import { textAnswer, jsonAnswer, type Answer } from './http/answer';
import { backend } from './eventstore/backend';
import { STORES } from './stores';
import { existingStore } from './eventstore/open-store';

/** The one answer while all is well: the same object each time, so the edge sends bytes prepared once. */
const OK = textAnswer('ok');

/**
 * GET /healthz: liveness, and the benchmarks' "hello world" baseline: next to no work (each store's
 * write health is a field read; a stale free-space reading is refreshed in the background). 503
 * with the reasons while any store refuses writes, or while the backend (the event log's database)
 * does not answer. Next's route and the edge both answer with this.
 */
export function healthAnswer(): Answer {
  let refusing: { store: string; reason: string }[] | undefined;
  const trouble = backend().health();
  if (!trouble.ok) (refusing ??= []).push({ store: 'all', reason: trouble.reason });
  for (const definition of STORES) {
    const health = existingStore(definition)?.writeHealth();
    if (health && !health.ok) (refusing ??= []).push({ store: definition.name, reason: health.reason });
  }
  if (!refusing) return OK;
  return jsonAnswer({ error: `refusing writes: ${refusing.map((r) => r.reason).join('; ')}`, stores: refusing }, 503);
}
