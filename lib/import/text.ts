// Cleaning what the exports put in cells.
import { LIMITS } from '../media/fields';

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
