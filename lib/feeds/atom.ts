// Atom 1.0 (RFC 4287) of the public feed.
import { KIND_INFO } from '../media/kinds';
import { publishedAt, updatedAt } from './dates';
import { entryHeadline, entryHtml, entryPageUrl, entryPermalink, entrySummary, feedLinks, feedTitle, feedUpdated, type FeedInput } from './entry-content';
import { escapeXml as x } from './xml';

export const ATOM_CONTENT_TYPE = 'application/atom+xml; charset=utf-8';

export function atomFeed(input: FeedInput): string {
  const { siteUrl, ownerName, description, entries } = input;
  const links = feedLinks(input, 'feed.xml');
  const lines = [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom">',
    `  <id>${x(links.self)}</id>`,
    `  <title type="text">${x(feedTitle(input))}</title>`,
    `  <subtitle type="text">${x(description)}</subtitle>`,
    `  <updated>${x(feedUpdated(entries))}</updated>`,
    `  <link rel="self" type="application/atom+xml" href="${x(links.self)}"/>`,
    `  <link rel="alternate" type="text/html" href="${x(links.home)}"/>`,
    `  <author><name>${x(ownerName)}</name><uri>${x(`${siteUrl}/about`)}</uri></author>`,
    '  <generator>Shelf</generator>',
  ];
  for (const entry of entries) {
    const permalink = entryPermalink(siteUrl, entry);
    lines.push(
      '  <entry>',
      `    <id>${x(permalink)}</id>`,
      `    <title type="text">${x(entryHeadline(entry))}</title>`,
      `    <link rel="alternate" type="text/html" href="${x(entryPageUrl(siteUrl, entry))}"/>`,
      ...(entry.url ? [`    <link rel="related" href="${x(entry.url)}"/>`] : []),
      `    <published>${x(publishedAt(entry))}</published>`,
      `    <updated>${x(updatedAt(entry))}</updated>`,
      `    <category term="${x(entry.kind)}" label="${x(KIND_INFO[entry.kind].label)}"/>`,
      ...(entry.tags ?? []).map((tag) => `    <category term="${x(tag)}" scheme="${x(`${siteUrl}/about?tag=`)}"/>`),
      `    <summary type="text">${x(entrySummary(entry))}</summary>`,
      `    <content type="html">${x(entryHtml(entry, siteUrl))}</content>`,
      '  </entry>',
    );
  }
  lines.push('</feed>', '');
  return lines.join('\n');
}
