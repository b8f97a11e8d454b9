// Goodreads' "Export Library" file (goodreads_library_export.csv): one row per book on any shelf.
import type { ImportCandidate, ImportOptions } from './candidate';
import { readCsv } from './csv';
import { mapInSlices } from './yielding';
import { excelText, fitReview, fitTags, htmlToText, idPart, isoDay } from './text';

const REQUIRED = ['Book Id', 'Title', 'Author', 'My Rating', 'Date Read', 'Date Added', 'Exclusive Shelf'] as const;

/** What each exclusive shelf becomes: read is finished, currently-reading in progress (since Date Added). */
const SHELVES: Record<string, { status: 'finished' | 'in-progress' } | { skip: string }> = {
  read: { status: 'finished' },
  'currently-reading': { status: 'in-progress' },
  'to-read': { skip: 'on the to-read shelf: not read yet' },
};

export async function goodreadsCandidates(text: string, options: ImportOptions): Promise<ImportCandidate[]> {
  return mapInSlices(await readCsv(text, REQUIRED, 'The Goodreads export'), ({ line, cells }): ImportCandidate => {
    const title = cells['Title']?.trim() ?? '';
    const shown = title || `(untitled row ${line})`;
    const bookId = cells['Book Id']?.trim() ?? '';
    if (!bookId) return { line, title: shown, error: 'no Book Id: the row has no identity to import it by' };
    const entryId = `goodreads-${idPart(bookId)}`;
    const shelfName = cells['Exclusive Shelf']?.trim() ?? '';
    const shelf = SHELVES[shelfName] ?? { skip: `on the "${shelfName || '(none)'}" shelf: only read and currently-reading are imported` };
    if ('skip' in shelf) return { line, title: shown, entryId, skip: shelf.skip };

    const added = isoDay(cells['Date Added']);
    const finishedOn = shelf.status === 'finished' ? isoDay(cells['Date Read']) ?? added : undefined;
    if (shelf.status === 'finished' && !finishedOn) return { line, title: shown, entryId, error: 'no Date Read or Date Added' };
    // The other shelves the book is on (not the exclusive ones) are its tags.
    const { tags, dropped } = fitTags((cells['Bookshelves'] ?? '').split(',').filter((name) => !SHELVES[name.trim()] && name.trim() !== shelfName));
    const stars = Number(cells['My Rating']?.trim() || '0');
    const { review, shortened } = fitReview(htmlToText(cells['My Review'] ?? ''));
    const isbn = excelText(cells['ISBN13']) || excelText(cells['ISBN']);
    const input: Record<string, unknown> = {
      kind: 'book',
      title,
      creator: cells['Author']?.trim() || undefined,
      url: `https://www.goodreads.com/book/show/${encodeURIComponent(bookId)}`,
      // The export has no cover: Open Library serves one by ISBN.
      coverUrl: /^[0-9]{9}[0-9Xx]([0-9]{3})?$/.test(isbn) ? `${options.coversUrl.replace(/\/$/, '')}/b/isbn/${isbn}-L.jpg` : undefined,
      // 0 is "not rated".
      rating: stars > 0 ? stars : undefined,
      review,
      status: shelf.status,
      startedOn: shelf.status === 'in-progress' ? added : undefined,
      finishedOn,
      tags,
    };
    const notes = [shortened && 'review shortened to fit', dropped > 0 && `${dropped} shelf${dropped > 1 ? 'ves' : ''} left out of the tags (at most 10, of 40 characters)`].filter(Boolean);
    return { line, title: shown, entryId, input, note: notes.length ? notes.join('; ') : undefined };
  });
}
