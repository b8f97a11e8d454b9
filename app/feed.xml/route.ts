import { atomFeed, ATOM_CONTENT_TYPE } from '@/lib/feeds/atom';
import { loadFeed } from '@/lib/feeds/load';
import { feedResponse } from '@/lib/feeds/response';

export const dynamic = 'force-dynamic';

/** Atom 1.0 of the public feed; `?kind=book` for one kind. */
export async function GET(request: Request) {
  return feedResponse(request, atomFeed(await loadFeed(request)), ATOM_CONTENT_TYPE);
}
