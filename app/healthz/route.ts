import { STORES } from '@/lib/stores';
import { existingStore } from '@/lib/stores/shared';
import { databaseTrouble } from '@/lib/eventstore/postgres/hub';

// Liveness, and the benchmarks' "hello world" baseline: a dynamic handler that does next to no
// work (each store's write health is a field read; a stale free-space reading is refreshed in the background).
// With DATABASE_URL, also 503 while the event log's database does not answer.
export const dynamic = 'force-dynamic';

export function GET() {
  const refusing: { store: string; reason: string }[] = [];
  const trouble = databaseTrouble();
  if (trouble) refusing.push({ store: 'all', reason: trouble });
  for (const definition of STORES) {
    const health = existingStore(definition)?.writeHealth();
    if (health && !health.ok) refusing.push({ store: definition.name, reason: health.reason });
  }
  if (refusing.length > 0) {
    return Response.json({ error: `refusing writes: ${refusing.map((r) => r.reason).join('; ')}`, stores: refusing }, { status: 503, headers: { 'cache-control': 'no-store' } });
  }
  return new Response('ok', { headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' } });
}
