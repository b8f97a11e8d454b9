// Goodreads' "Export Library" file (goodreads_library_export.csv): one row per book on any shelf.
import type { ImportCandidate, ImportOptions } from './candidate';
import { readCsv } from './csv';
import { mapInSlices } from './yielding';
import { excelText, fitReview, htmlToText, idPart, isoDay } from './text';

const REQUIRED = ['Book Id', 'Title', 'Author', 'My Rating', 'Date Read', 'Date Added', 'Exclusive Shelf'] as const;

/**
 * What each exclusive shelf becomes: the one place to change when Shelf gets in-progress entries
 * (currently-reading then maps to an entry with status in-progress instead of a skip).
 */
const SHELVES: Record<string, { status: 'finished' } | { skip: string }> = {
  read: { status: 'finished' },
  'currently-reading': { skip: 'currently reading: Shelf logs finished books only (for now)' },
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
    const shelf = SHELVES[shelfName] ?? { skip: `on the "${shelfName || '(none)'}" shelf: only the read shelf is imported` };
    if ('skip' in shelf) return { line, title: shown, entryId, skip: shelf.skip };

    const finishedOn = isoDay(cells['Date Read']) ?? isoDay(cells['Date Added']);
    if (!finishedOn) return { line, title: shown, entryId, error: 'no Date Read or Date Added' };
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
      finishedOn,
    };
    return { line, title: shown, entryId, input, note: shortened ? 'review shortened to fit' : undefined };
  });
}
