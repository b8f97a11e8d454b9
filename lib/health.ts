import { databaseTrouble } from './eventstore/postgres/hub';
import { jsonAnswer, textAnswer, type Answer } from './http/answer';
import { STORES } from './stores';
import { existingStore } from './stores/shared';

/**
 * GET /healthz: liveness, and the benchmarks' "hello world" baseline: next to no work (each store's
 * write health is a field read; a stale free-space reading is refreshed in the background). 503
 * with the reasons while any store refuses writes, or, with DATABASE_URL, while the event log's
 * database does not answer. Next's route and the front door both answer with this.
 */
export function healthAnswer(): Answer {
  const refusing: { store: string; reason: string }[] = [];
  const trouble = databaseTrouble();
  if (trouble) refusing.push({ store: 'all', reason: trouble });
  for (const definition of STORES) {
    const health = existingStore(definition)?.writeHealth();
    if (health && !health.ok) refusing.push({ store: definition.name, reason: health.reason });
  }
  if (refusing.length > 0) {
    return jsonAnswer({ error: `refusing writes: ${refusing.map((r) => r.reason).join('; ')}`, stores: refusing }, 503);
  }
  return textAnswer('ok');
}
