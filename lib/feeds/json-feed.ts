// JSON Feed 1.1 (https://www.jsonfeed.org/version/1.1/) of the public feed.
import { entryHeadline, entryHtml, entryPageUrl, entryPermalink, entryText, feedLinks, feedTitle, type FeedInput } from './entry-content';

export const JSON_FEED_CONTENT_TYPE = 'application/feed+json; charset=utf-8';
export const JSON_FEED_VERSION = 'https://jsonfeed.org/version/1.1';

export function jsonFeed(input: FeedInput) {
  const { siteUrl, ownerName, description, entries } = input;
  const links = feedLinks(input, 'feed.json');
  return {
    version: JSON_FEED_VERSION,
    title: feedTitle(input),
    home_page_url: links.home,
    feed_url: links.self,
    description,
    authors: [{ name: ownerName, url: `${siteUrl}/about` }],
    items: entries.map((entry) => ({
      id: entryPermalink(siteUrl, entry),
      url: entryPageUrl(siteUrl, entry),
      ...(entry.url ? { external_url: entry.url } : {}),
      title: entryHeadline(entry),
      content_html: entryHtml(entry),
      content_text: entryText(entry),
      ...(entry.coverUrl ? { image: entry.coverUrl } : {}),
      date_published: entry.loggedAt,
      date_modified: entry.updatedAt,
      tags: [entry.kind, ...(entry.tags ?? [])],
    })),
  };
}
