import { markdownLine } from '../markdown/render';
import type { Kind } from '../media/kinds';
import type { MediaState } from '../media/projection';
import { publicFeed } from '../media/selectors';
import type { FeedInput } from './entry-content';

/** How many entries a feed carries: enough for a reader that polls daily, small enough to fetch often. */
export const FEED_LIMIT = 50;

/** What the feed writers need, from the media state: public, live entries only, newest first. */
export function feedInput(
  state: MediaState,
  site: { siteUrl: string; ownerName: string; ownerBio: string },
  kinds: readonly Kind[],
): FeedInput {
  return {
    siteUrl: site.siteUrl,
    ownerName: site.ownerName,
    // The bio is Markdown: feeds carry it as text.
    description: markdownLine(site.ownerBio, 500),
    kinds,
    entries: publicFeed(state, { kinds, limit: FEED_LIMIT }),
  };
}
