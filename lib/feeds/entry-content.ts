// What a feed says about one entry, shared by the Atom and JSON Feed writers.
import { formatDay } from '../media/dates';
import { KIND_INFO, type Kind } from '../media/kinds';
import type { Entry } from '../media/projection';
import { markdownHtml, markdownLine, markdownText } from '../markdown/render';
import { updatedAt } from './dates';
import { escapeHtml } from './xml';

/** "Finished reading Dune", "Finished listening to Hardcore History". */
export const entryHeadline = (entry: Entry) => `Finished ${KIND_INFO[entry.kind].verb} ${entry.title}`;

/**
 * The entry's id in the feeds: its place on the About page, as it always was, so readers that
 * already have an entry do not see it again as new (stable as long as SITE_URL is).
 */
export const entryPermalink = (siteUrl: string, entry: Entry) => `${siteUrl}/about#entry-${encodeURIComponent(entry.id)}`;

/** The entry's own page: what the feeds link to. */
export const entryPageUrl = (siteUrl: string, entry: Pick<Entry, 'id'>) => `${siteUrl}/entries/${encodeURIComponent(entry.id)}`;

/** The lines of a plain-text description: creator, rating, finished date. */
function facts(entry: Entry): { kindLine: string; rating?: string; finished: string } {
  const info = KIND_INFO[entry.kind];
  return {
    kindLine: entry.creator ? `${info.label} by ${entry.creator}` : info.label,
    rating: entry.rating !== undefined ? `Rated ${entry.rating} out of 5` : undefined,
    finished: entry.finishedOn ? `Finished ${formatDay(entry.finishedOn)}` : '',
  };
}

/** The entry in plain text; the review reduced to its text, spoilers left out with a pointer to the entry page. */
export function entryText(entry: Entry, siteUrl: string): string {
  const f = facts(entry);
  const lines = [f.kindLine, f.rating, f.finished].filter(Boolean).join('\n');
  const review = entry.review ? markdownText(entry.review, { spoilers: 'omit', entryUrl: entryPageUrl(siteUrl, entry) }) : undefined;
  return [lines, review, entry.url].filter(Boolean).join('\n\n');
}

/** One line for readers' lists: the review's opening (plain, no spoilers), else what it is. */
export function entrySummary(entry: Entry): string {
  const review = entry.review ? markdownLine(entry.review, 300) : '';
  return review || facts(entry).kindLine;
}

/**
 * The same as HTML: the facts escaped, the review rendered from Markdown and sanitised as on the
 * entry page, with its spoilers left out (a feed reader cannot hide them) and a link to the page.
 */
export function entryHtml(entry: Entry, siteUrl: string): string {
  const f = facts(entry);
  const parts = [`<p>${escapeHtml(f.kindLine)}</p>`];
  if (f.rating) parts.push(`<p>${escapeHtml(f.rating)}</p>`);
  parts.push(`<p>${escapeHtml(f.finished)}</p>`);
  const review = entry.review ? markdownHtml(entry.review, { spoilers: 'omit', entryUrl: entryPageUrl(siteUrl, entry) }) : '';
  if (review) parts.push(`<blockquote>${review}</blockquote>`);
  if (entry.url) parts.push(`<p><a href="${escapeHtml(entry.url)}">${escapeHtml(entry.url)}</a></p>`);
  return parts.join('\n');
}

export interface FeedInput {
  /** Absolute, no trailing slash: the public origin (lib/http/public-origin.ts). */
  siteUrl: string;
  ownerName: string;
  /** Plain text (the bio's Markdown reduced to text). */
  description: string;
  /** The kinds asked for; empty is every kind. */
  kinds: readonly Kind[];
  /** Public entries, newest first. */
  entries: readonly Entry[];
}

/** "Ada: recently finished", or "Ada: books and games". */
export function feedTitle({ ownerName, kinds }: Pick<FeedInput, 'ownerName' | 'kinds'>): string {
  if (kinds.length === 0) return `${ownerName}: recently finished`;
  const names = kinds.map((k) => KIND_INFO[k].plural);
  const list = names.length === 1 ? names[0] : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
  return `${ownerName}: ${list}`;
}

/** The feed's own address and its HTML page, both keeping the kind filter. */
export function feedLinks({ siteUrl, kinds }: Pick<FeedInput, 'siteUrl' | 'kinds'>, file: 'feed.xml' | 'feed.json') {
  const query = kinds.length > 0 ? `?kind=${kinds.join(',')}` : '';
  return {
    self: `${siteUrl}/${file}${query}`,
    // The About page filters by one kind at a time.
    home: `${siteUrl}/about${kinds.length === 1 ? query : ''}`,
  };
}

/** When the feed last changed: its most recently updated entry (a fixed past instant when empty); imports do not move it. */
export function feedUpdated(entries: readonly Entry[]): string {
  let latest = '1970-01-01T00:00:00.000Z';
  for (const e of entries) {
    const updated = updatedAt(e);
    if (Date.parse(updated) > Date.parse(latest)) latest = updated;
  }
  return latest;
}
