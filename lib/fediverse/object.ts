// An entry as a fediverse post: the one mapping the outbox, the object's URL and every delivery use.
// A Note (Mastodon shows an Article only as its title and a link, without the review or the
// content warning), whose content is the entry in words; NeoDB's extension fields (`relatedWith`
// with a Status and a Rating, the work in `tag` typed as NeoDB's catalogue does) make NeoDB read
// it as a mark. Plain JSON, not Fedify's vocabulary classes: those drop properties they do not
// know, and NeoDB's are not in any JSON-LD context (NeoDB itself sends them the same way).
import { stars } from '../announce/template';
import { escapeHtml } from '../feeds/xml';
import { KIND_INFO, type Kind } from '../media/kinds';
import type { Entry } from '../media/projection';
import { hasSpoilers, reviewHtml } from './review-html';
import { actorUrl, entryObjectUrl, entryPageUrl, followersUrl, PUBLIC_AUDIENCE } from './urls';

export const AP_CONTEXT = ['https://www.w3.org/ns/activitystreams', { sensitive: 'as:sensitive', Hashtag: 'as:Hashtag' }] as const;

/** NeoDB's catalogue type of each kind (it has none for a web article). */
const NEODB_TYPES: Partial<Record<Kind, string>> = { book: 'Edition', movie: 'Movie', show: 'TVShow', game: 'Game', podcast: 'Podcast' };

export type Publishable = Pick<Entry, 'id' | 'kind' | 'title' | 'loggedAt' | 'updatedAt'> &
  Partial<Pick<Entry, 'creator' | 'url' | 'coverUrl' | 'rating' | 'review' | 'finishedOn' | 'tags'>>;

/** When it was finished: the time it was logged when that was the same day, else the day itself. */
export function publishedAt(entry: Pick<Entry, 'loggedAt' | 'finishedOn'>): string {
  const day = entry.finishedOn;
  if (!day || entry.loggedAt.slice(0, 10) === day) return entry.loggedAt;
  return `${day}T00:00:00Z`;
}

/** `#sci-fi` → `#scifi`: a hashtag is letters, digits and underscores. */
const hashtagName = (tag: string) => tag.normalize('NFKC').replace(/[^\p{L}\p{N}_]+/gu, '');

function contentHtml(entry: Publishable, page: string, origin: string): string {
  const verb = KIND_INFO[entry.kind].verb;
  const by = entry.creator ? ` by ${escapeHtml(entry.creator)}` : '';
  const parts = [`<p>Finished ${verb} <a href="${escapeHtml(page)}">${escapeHtml(entry.title)}</a>${by}</p>`];
  if (entry.rating !== undefined) parts.push(`<p>${stars(entry.rating)} (${entry.rating}/5)</p>`);
  if (entry.review) parts.push(reviewHtml(entry.review));
  const tags = (entry.tags ?? []).map((t) => [t, hashtagName(t)] as const).filter(([, name]) => name);
  if (tags.length > 0) {
    const links = tags.map(([t, name]) => `<a href="${escapeHtml(tagUrl(origin, t))}" class="mention hashtag" rel="tag">#<span>${escapeHtml(name)}</span></a>`);
    parts.push(`<p>${links.join(' ')}</p>`);
  }
  return parts.join('\n');
}

const tagUrl = (origin: string, tag: string) => `${origin}/about?tag=${encodeURIComponent(tag)}`;

/** The entry as a Note, with `@context` (for an object served on its own) or without (embedded). */
export function entryNote(entry: Publishable, origin: string, { withContext = true } = {}): Record<string, unknown> {
  const id = entryObjectUrl(origin, entry.id);
  const page = entryPageUrl(origin, entry.id);
  const actor = actorUrl(origin);
  const published = publishedAt(entry);
  const updated = entry.updatedAt !== entry.loggedAt ? entry.updatedAt : undefined;
  const spoilers = entry.review ? hasSpoilers(entry.review) : false;
  const work = entry.url ?? page;
  const neodbType = NEODB_TYPES[entry.kind];

  const tag: Record<string, unknown>[] = (entry.tags ?? [])
    .map((t) => [t, hashtagName(t)] as const)
    .filter(([, name]) => name)
    .map(([t, name]) => ({ type: 'Hashtag', href: tagUrl(origin, t), name: `#${name}` }));
  if (neodbType) tag.push({ type: neodbType, href: work, name: entry.title });

  const piece = (type: string, fields: Record<string, unknown>) => ({
    id: `${id}#${type.toLowerCase()}`,
    type,
    ...fields,
    withRegardTo: work,
    attributedTo: actor,
    href: page,
    published,
    updated: updated ?? published,
  });
  const relatedWith = neodbType
    ? [piece('Status', { status: 'complete' }), ...(entry.rating !== undefined ? [piece('Rating', { value: entry.rating * 2, best: 10, worst: 1 })] : [])]
    : undefined;

  return {
    ...(withContext ? { '@context': AP_CONTEXT } : {}),
    id,
    type: 'Note',
    attributedTo: actor,
    to: [PUBLIC_AUDIENCE],
    cc: [followersUrl(origin)],
    published,
    ...(updated ? { updated } : {}),
    url: page,
    // The content warning: Mastodon shows `summary` and hides the rest until asked.
    ...(spoilers ? { summary: `Spoilers: ${entry.title}` } : {}),
    sensitive: spoilers,
    content: contentHtml(entry, page, origin),
    ...(entry.coverUrl ? { attachment: [{ type: 'Image', url: entry.coverUrl, name: `Cover of ${entry.title}` }] } : {}),
    tag,
    ...(relatedWith ? { relatedWith } : {}),
  };
}
