import { feedRouteAnswer } from '@/lib/feeds/load';
import { toResponse } from '@/lib/http/answer';
import { publicOriginOf } from '@/lib/http/public-origin';

export const dynamic = 'force-dynamic';

/** JSON Feed 1.1 of the public feed; `?kind=book` for one kind. The front door answers it with the same function. */
export async function GET(request: Request) {
  return toResponse(await feedRouteAnswer('json', new URL(request.url).searchParams, request.headers.get('if-none-match'), publicOriginOf(request.headers)));
}
