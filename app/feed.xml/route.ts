import { feedRouteAnswer } from '@/lib/feeds/load';
import { conditionalAnswer, toResponse } from '@/lib/http/answer';
import { publicOriginOf } from '@/lib/http/public-origin';

export const dynamic = 'force-dynamic';

/** Atom 1.0 of the public feed; `?kind=book` for one kind. The edge answers it with the same function (lib/edge/routes.ts). */
export async function GET(request: Request) {
  const answer = await feedRouteAnswer('atom', new URL(request.url).searchParams, publicOriginOf(request.headers));
  return toResponse(conditionalAnswer(answer, request.headers.get('if-none-match')));
}
