// StoryGraph's library export (Manage Account > Export StoryGraph Library): one row per book, with
// Title, Authors, Contributors, ISBN/UID, Format, Read Status, Date Added, Last Date Read, Dates
// Read ("2025/03/01-2025/03/14, 2026/09/01-2026/09/12"), Read Count, Moods, Pace, the character
// questions, Star Rating (quarter stars: 3.75), Review, Content Warnings, Tags, Owned?.
import { createHash } from 'node:crypto';
import type { ImportCandidate, ImportOptions } from './candidate';
import { readCsv } from './csv';
import { mapInSlices } from './yielding';
import { fitReview, fitTags, halfStars, idPart, isoDay } from './text';

const REQUIRED = ['Title', 'Authors', 'ISBN/UID', 'Read Status', 'Star Rating'] as const;

/** What each Read Status becomes; any other is listed as skipped, named. */
const STATUSES: Record<string, { status: 'finished' | 'in-progress' | 'abandoned'; note?: string } | { skip: string }> = {
  read: { status: 'finished' },
  'currently-reading': { status: 'in-progress' },
  paused: { status: 'in-progress', note: 'paused on StoryGraph: imported as in progress' },
  'did-not-finish': { status: 'abandoned' },
  'to-read': { skip: 'on the to-read list: not read yet' },
};

/** The reads in "Dates Read": each "start-end" (or a single day), oldest first. */
function readRanges(cell: string | undefined): { start?: string; end?: string }[] {
  return (cell ?? '')
    .split(',')
    .map((range) => range.trim())
    .filter(Boolean)
    .map((range) => {
      const [start, end] = range.split('-').map((day) => isoDay(day));
      return { start, end: end ?? start };
    });
}

const ISBN = /^[0-9]{9}[0-9Xx]([0-9]{3})?$/;

export async function storyGraphCandidates(text: string, options: ImportOptions): Promise<ImportCandidate[]> {
  return mapInSlices(await readCsv(text, REQUIRED, 'The StoryGraph export'), ({ line, cells }): ImportCandidate => {
    const title = cells['Title']?.trim() ?? '';
    const shown = title || `(untitled row ${line})`;
    const authors = cells['Authors']?.trim() ?? '';
    const uid = cells['ISBN/UID']?.trim() ?? '';
    if (!title && !uid) return { line, title: shown, error: 'no Title and no ISBN/UID: the row has no identity to import it by' };
    // The ISBN (or StoryGraph's own id for a book without one) is the book; else its title and authors.
    const entryId = `storygraph-${uid ? idPart(uid) : createHash('sha256').update(`${title}|${authors}`).digest('hex').slice(0, 24)}`;
    const statusName = cells['Read Status']?.trim() ?? '';
    const mapped = STATUSES[statusName] ?? { skip: `read status "${statusName || '(none)'}": only read, currently-reading, paused and did-not-finish are imported` };
    if ('skip' in mapped) return { line, title: shown, entryId, skip: mapped.skip };

    const notes: string[] = mapped.note ? [mapped.note] : [];
    const last = readRanges(cells['Dates Read']).at(-1);
    const added = isoDay(cells['Date Added']);
    let finishedOn: string | undefined;
    if (mapped.status === 'finished') {
      finishedOn = isoDay(cells['Last Date Read']) ?? last?.end;
      if (!finishedOn && added) notes.push('no read date: finished on the day it was added');
      finishedOn ??= added;
      if (!finishedOn) return { line, title: shown, entryId, error: 'no Last Date Read, Dates Read or Date Added' };
    }
    const startedOn = last?.start && (!finishedOn || last.start <= finishedOn) ? last.start : mapped.status !== 'finished' ? added : undefined;

    const stars = Number(cells['Star Rating']?.trim() || '0');
    const rating = halfStars(stars);
    if (rating !== undefined && rating !== stars) notes.push(`rating ${stars} rounded to ${rating}`);
    const { review, shortened } = fitReview((cells['Review'] ?? '').replace(/\r\n?/g, '\n').trim());
    if (shortened) notes.push('review shortened to fit');
    const { tags, dropped } = fitTags((cells['Tags'] ?? '').split(','));
    if (dropped > 0) notes.push(`${dropped} tag${dropped > 1 ? 's' : ''} left out (at most 10, of 40 characters)`);
    const isbn = uid.replace(/-/g, '');
    const input: Record<string, unknown> = {
      kind: 'book',
      title,
      creator: authors || undefined,
      // The export has no cover: Open Library serves one by ISBN.
      coverUrl: ISBN.test(isbn) ? `${options.coversUrl.replace(/\/$/, '')}/b/isbn/${isbn}-L.jpg` : undefined,
      rating,
      review,
      status: mapped.status,
      startedOn,
      finishedOn,
      tags,
    };
    return { line, title: shown, entryId, input, note: notes.length ? notes.join('; ') : undefined };
  });
}
