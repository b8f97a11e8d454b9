import 'server-only';
import { siteConfig } from '../config/site';
import { parseKindList } from '../media/kind-list';
import { readyMediaStore } from '../media/store';
import { readSettings } from '../settings/store';
import type { FeedInput } from './entry-content';
import { feedInput } from './select';

/** The feed for a request: `?kind=book,game` narrows it; unknown kinds are ignored. */
export async function loadFeed(request: Request): Promise<FeedInput> {
  const kinds = parseKindList(new URL(request.url).searchParams.get('kind'));
  const state = (await readyMediaStore()).snapshot();
  const { ownerName, siteTitle, bio } = await readSettings();
  return feedInput(state, { ...siteConfig(), ownerName: ownerName || siteTitle, ownerBio: bio }, kinds);
}
