// Cleaning what the exports put in cells.
import { LIMITS, normaliseTag } from '../media/fields';

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/** A review written as HTML (`<br/>`, `<i>`, `&amp;`) as plain text, keeping its line breaks. */
export function htmlToText(html: string): string {
  return html
    .replace(/\r\n?/g, '\n')
    .replace(/<br\s*\/?>\n?/gi, '\n')
    .replace(/<\/p>\s*<p[^>]*>/gi, '\n\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
      if (name[0] === '#') {
        const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
        return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
      }
      return ENTITIES[name.toLowerCase()] ?? whole;
    })
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** Reviews longer than an entry holds are shortened (with an ellipsis) rather than refused. */
export function fitReview(text: string): { review?: string; shortened: boolean } {
  if (!text) return { shortened: false };
  if (text.length <= LIMITS.review) return { review: text, shortened: false };
  return { review: `${text.slice(0, LIMITS.review - 1).trimEnd()}…`, shortened: true };
}

/** Goodreads' spreadsheet-proof cells: ="0553283685" (and "=""0553283685""" once unquoted) -> 0553283685. */
export function excelText(cell: string | undefined): string {
  const value = (cell ?? '').trim();
  const match = /^="(.*)"$/.exec(value);
  return (match ? match[1]! : value).trim();
}

/** YYYY/MM/DD (Goodreads) or YYYY-MM-DD -> YYYY-MM-DD, or undefined. */
export function isoDay(cell: string | undefined): string | undefined {
  const match = /^(\d{4})[/-](\d{1,2})[/-](\d{1,2})$/.exec((cell ?? '').trim());
  if (!match) return undefined;
  return `${match[1]}-${match[2]!.padStart(2, '0')}-${match[3]!.padStart(2, '0')}`;
}

/** An id safe in a URL path and an event id: what is not [A-Za-z0-9_-] becomes '-'. */
export const idPart = (value: string) => value.replace(/[^A-Za-z0-9_-]+/g, '-').slice(0, 80);

/**
 * Tags from an export's list (Goodreads shelves, StoryGraph tags) as an entry holds them: normalised,
 * without commas, at most 40 characters each and 10 in all; how many did not fit is counted.
 */
export function fitTags(names: readonly string[]): { tags?: string[]; dropped: number } {
  const distinct = [...new Set(names.map(normaliseTag).filter((t) => t.length > 0))];
  const tags = distinct.filter((t) => t.length <= LIMITS.tag && !t.includes(',')).slice(0, LIMITS.tags);
  return { tags: tags.length ? tags : undefined, dropped: distinct.length - tags.length };
}

/** A rating on another scale as Shelf's halves of 5 (quarter stars, out of ten), or undefined for none. */
export function halfStars(value: number, outOf = 5): number | undefined {
  if (!Number.isFinite(value) || value <= 0) return undefined;
  return Math.min(5, Math.max(0.5, Math.round((value * 10) / outOf) / 2)); // (value * 10) first: 4.25 * 10 / 5 is exactly 8.5
}
