// The announcement text: one deterministic template, fitted to each network's length limit.
// Pure and browser-safe, so the admin form can show `previewAnnouncement` as the owner types.
import { markdownText } from '../markdown/render';
import type { Channel } from './events';
import type { EntryFields } from '../media/fields';
import { KIND_INFO } from '../media/kinds';
import { blueskyLength, graphemes, mastodonLength, xLength } from './text-length';

/** What the text is made of: a subset of an entry's fields. */
export type AnnouncementFields = Pick<EntryFields, 'kind' | 'title'> & Partial<Pick<EntryFields, 'creator' | 'url' | 'rating' | 'review'>>;

export interface AnnouncementText {
  text: string;
  /** The link as shown in `text` (UTF-16 offsets): Bluesky shows a short form and links it with a facet. */
  link?: { uri: string; start: number; end: number };
}

export interface AnnouncementPreview extends AnnouncementText {
  /** The length as the network counts it, and its limit. */
  length: number;
  limit: number;
}

interface ChannelRule {
  limit: number;
  measure: (text: string, link?: string) => number;
  /** Bluesky counts a link's full length, so it shows a short form. */
  shortLinks: boolean;
}

export const CHANNEL_RULES: Record<Channel, ChannelRule> = {
  x: { limit: 280, measure: xLength, shortLinks: false },
  mastodon: { limit: 500, measure: mastodonLength, shortLinks: false },
  bluesky: { limit: 300, measure: blueskyLength, shortLinks: true },
  // Receivers are chats and scripts: the text (link counted 23, as on Mastodon) stays readable.
  webhook: { limit: 1000, measure: mastodonLength, shortLinks: false },
};

/** ★★★★☆ for 4, ★★★½☆ for 3.5: five places. */
export function stars(rating: number): string {
  const full = Math.floor(rating);
  const half = rating - full >= 0.5;
  return '★'.repeat(full) + (half ? '½' : '') + '☆'.repeat(5 - full - (half ? 1 : 0));
}

/** "example.com/books/dune": no scheme or www, at most 32 characters. */
export function shortLink(url: string): string {
  const bare = url.replace(/^https?:\/\//i, '').replace(/^www\./i, '').replace(/\/$/, '');
  const g = graphemes(bare);
  return g.length <= 32 ? bare : `${g.slice(0, 31).join('')}…`;
}

interface Parts {
  title: string;
  creator?: string;
  review?: string;
}

/**
 * Cuts `value` to at most `n` graphemes plus an ellipsis, at a word boundary when one is near
 * the end, without trailing spaces or punctuation before the ellipsis. `split` is `value`'s
 * graphemes when the caller has them already.
 */
export function truncate(value: string, n: number, split: readonly string[] = graphemes(value)): string {
  if (split.length <= n) return value;
  let cut = split.slice(0, n).join('');
  const space = cut.search(/\s\S*$/u);
  if (space >= cut.length * 0.6) cut = cut.slice(0, space);
  return `${cut.replace(/[\s.,;:!?\-–—]+$/u, '')}…`;
}

const singleLine = (s: string | undefined) => s?.normalize('NFC').replace(/\s+/gu, ' ').trim() || undefined;

/** The text for one channel: title, creator and review are shortened until it fits the channel's limit. */
export function renderAnnouncement(channel: Channel, fields: AnnouncementFields): AnnouncementText {
  const rule = CHANNEL_RULES[channel];
  const verb = KIND_INFO[fields.kind].verb;
  const rating = fields.rating ? ` ${stars(fields.rating)}` : '';
  const url = fields.url?.trim() || undefined;
  const shownUrl = url && (rule.shortLinks ? shortLink(url) : url);

  const compose = (p: Parts): AnnouncementText => {
    const head = `Finished ${verb} ${p.title}${p.creator ? ` by ${p.creator}` : ''}${rating}`;
    const text = `${head}${shownUrl ? ` ${shownUrl}` : ''}${p.review ? `\n\n${p.review}` : ''}`;
    if (!url || !shownUrl) return { text };
    const start = head.length + 1;
    return { text, link: { uri: url, start, end: start + shownUrl.length } };
  };
  const fits = (p: Parts) => {
    const { text } = compose(p);
    // Cheap and sure for Bluesky: a grapheme is at least one UTF-16 unit, and a unit at most 3 bytes.
    if (rule.shortLinks && text.length <= rule.limit) return true;
    return rule.measure(text, rule.shortLinks ? undefined : url) <= rule.limit;
  };

  /** The longest cut of one part (at least `min` graphemes) that fits, if any. */
  const shrink = (p: Parts, field: keyof Parts, min: number): Parts | undefined => {
    const value = p[field];
    if (!value) return undefined;
    const split = graphemes(value);
    // No part longer than the whole limit can fit, so the search starts there (and stays cheap).
    let lo = min;
    let hi = Math.min(split.length - 1, rule.limit);
    let best: Parts | undefined;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const candidate = { ...p, [field]: truncate(value, mid, split) };
      if (fits(candidate)) {
        best = candidate;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return best;
  };

  const full: Parts = {
    title: singleLine(fields.title) ?? '',
    creator: singleLine(fields.creator),
    // The review as text, spoilers left out: a post cannot hide them.
    review: (fields.review && markdownText(fields.review).normalize('NFC').trim()) || undefined,
  };
  if (fits(full)) return compose(full);
  // Shorten the review first, then drop it; then the title, then the creator; then the title to the bone.
  const noReview = { ...full, review: undefined };
  const steps: (() => Parts | undefined)[] = [
    () => shrink(full, 'review', 20),
    () => (fits(noReview) ? noReview : undefined),
    () => shrink(noReview, 'title', 20),
    () => {
      const short = { ...noReview, title: truncate(noReview.title, 20) };
      return shrink(short, 'creator', 10) ?? (fits({ ...short, creator: undefined }) ? { ...short, creator: undefined } : undefined);
    },
    () => shrink({ ...noReview, creator: undefined }, 'title', 1),
  ];
  for (const step of steps) {
    const parts = step();
    if (parts) return compose(parts);
  }
  // Unreachable with the field limits of an entry (title 300, URL 2000): the verb and a link fit everywhere.
  return compose({ title: truncate(full.title, 1) });
}

/** Each channel's text for the admin form to show, with its length as the network counts it. */
export function previewAnnouncement(fields: AnnouncementFields): Record<Channel, AnnouncementPreview> {
  const out = {} as Record<Channel, AnnouncementPreview>;
  for (const channel of Object.keys(CHANNEL_RULES) as Channel[]) {
    const rule = CHANNEL_RULES[channel];
    const rendered = renderAnnouncement(channel, fields);
    const url = fields.url?.trim() || undefined;
    out[channel] = { ...rendered, length: rule.measure(rendered.text, rule.shortLinks ? undefined : url), limit: rule.limit };
  }
  return out;
}
