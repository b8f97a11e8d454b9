// JSON Feed 1.1 (https://www.jsonfeed.org/version/1.1/) of the public feed.
import { publishedAt, updatedAt } from './dates';
import { entryHeadline, entryHtml, entryPageUrl, entryPermalink, entrySummary, entryText, feedLinks, feedTitle, type FeedInput } from './entry-content';

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
      summary: entrySummary(entry),
      content_html: entryHtml(entry, siteUrl),
      content_text: entryText(entry, siteUrl),
      ...(entry.coverUrl ? { image: entry.coverUrl } : {}),
      date_published: publishedAt(entry),
      date_modified: updatedAt(entry),
      tags: [entry.kind, ...(entry.tags ?? [])],
    })),
  };
}
