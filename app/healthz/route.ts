import { databaseTrouble } from '@/lib/eventstore/postgres/hub';

// Liveness, and the benchmarks' "hello world" baseline: a dynamic handler that does no work.
// With DATABASE_URL, 503 (JSON, with the reason) while the event log's database does not answer.
export const dynamic = 'force-dynamic';

export function GET() {
  const trouble = databaseTrouble();
  if (trouble) return Response.json({ status: 'unavailable', error: trouble }, { status: 503, headers: { 'cache-control': 'no-store' } });
  return new Response('ok', { headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' } });
}
