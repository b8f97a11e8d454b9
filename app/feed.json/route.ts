import { jsonFeed, JSON_FEED_CONTENT_TYPE } from '@/lib/feeds/json-feed';
import { loadFeed } from '@/lib/feeds/load';
import { feedResponse } from '@/lib/feeds/response';

export const dynamic = 'force-dynamic';

/** JSON Feed 1.1 of the public feed; `?kind=book` for one kind. */
export async function GET(request: Request) {
  return feedResponse(request, JSON.stringify(jsonFeed(await loadFeed(request)), null, 2), JSON_FEED_CONTENT_TYPE);
}
