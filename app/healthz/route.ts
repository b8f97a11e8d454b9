// Liveness, and the benchmarks' "hello world" baseline (see lib/health.ts: 503 while a store refuses writes).
// The edge (lib/edge) answers it itself with the same lib function.
import { healthAnswer } from '@/lib/health';
import { toResponse } from '@/lib/http/answer';

export const dynamic = 'force-dynamic';

export function GET() {
  return toResponse(healthAnswer());
}
