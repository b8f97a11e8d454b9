// Letterboxd's export: the ZIP as downloaded (diary.csv, reviews.csv, ...) or its diary.csv alone.
import { createHash } from 'node:crypto';
import type { ImportCandidate } from './candidate';
import { readCsv, type CsvRow } from './csv';
import { ImportFormatError } from './format-error';
import { fitReview, htmlToText, idPart, isoDay } from './text';
import { mapInSlices } from './yielding';
import { isZip, listZip, readZipTexts } from './zip';

const REQUIRED = ['Name', 'Watched Date'] as const;

/**
 * The ZIP as Letterboxd sends it, or its diary.csv alone. Only the top level's diary.csv and
 * reviews.csv are read: the export also holds deleted/diary.csv and orphaned/diary.csv (entries
 * the member deleted, or whose film is gone), which are not the diary. (An export unpacked and
 * zipped again as one folder is read from that folder.)
 */
export async function letterboxdCandidates(bytes: Uint8Array): Promise<ImportCandidate[]> {
  if (!isZip(bytes)) return diaryCandidates(new TextDecoder().decode(bytes), undefined);
  const top = exportFolder(await listZip(bytes, 'The Letterboxd ZIP'));
  if (top === undefined) throw new ImportFormatError('The Letterboxd ZIP has no diary.csv at its top level (the export as downloaded from Letterboxd)');
  const files = await readZipTexts(bytes, [`${top}diary.csv`, `${top}reviews.csv`], 'The Letterboxd ZIP');
  return diaryCandidates(files.get(`${top}diary.csv`) ?? '', files.get(`${top}reviews.csv`));
}

/** Folders of the export that hold a diary.csv which is not the diary. */
const NOT_THE_DIARY = new Set(['deleted', 'orphaned', 'likes', 'lists', '__MACOSX']);

/** Where the export's own files are: '' (the top level), or the one folder wrapping them all; undefined without a diary. */
function exportFolder(names: readonly string[]): string | undefined {
  if (names.includes('diary.csv')) return '';
  const folders = new Set(names.filter((n) => n.includes('/')).map((n) => n.slice(0, n.indexOf('/'))).filter((f) => !NOT_THE_DIARY.has(f)));
  const [only] = folders;
  return folders.size === 1 && names.includes(`${only}/diary.csv`) ? `${only}/` : undefined;
}

/** Each diary row is one viewing: a rewatch is an entry of its own. */
async function diaryCandidates(diaryText: string, reviewsText: string | undefined): Promise<ImportCandidate[]> {
  const reviews = reviewsText === undefined ? undefined : reviewIndex(await readCsv(reviewsText, ['Name', 'Review'], 'reviews.csv'));
  const seen = new Map<string, number>();
  return mapInSlices(await readCsv(diaryText, REQUIRED, 'The Letterboxd diary'), ({ line, cells }): ImportCandidate => {
    const title = cells['Name']?.trim() ?? '';
    const shown = title || `(untitled row ${line})`;
    const watched = isoDay(cells['Watched Date']) ?? isoDay(cells['Date']);
    if (!watched) return { line, title: shown, error: 'no Watched Date' };
    const uri = cells['Letterboxd URI']?.trim() ?? '';
    const identity = uri ? linkIdentity(uri) : undefined;
    // Without a link (older exports), the same film on the same day twice is told apart by its order.
    const fallbackKey = `${title}|${cells['Year'] ?? ''}|${watched}`;
    const occurrence = (seen.get(fallbackKey) ?? 0) + 1;
    seen.set(fallbackKey, occurrence);
    const entryId = identity
      ? `letterboxd-${idPart(identity)}`
      : `letterboxd-${digest(`${fallbackKey}|${occurrence}`)}`;
    const rating = Number(cells['Rating']?.trim() || '0');
    const reviewHtml = reviews?.get(uri) ?? reviews?.get(fallbackKey) ?? '';
    const { review, shortened } = fitReview(htmlToText(reviewHtml));
    const rewatch = /^yes$/i.test(cells['Rewatch']?.trim() ?? '');
    const input: Record<string, unknown> = {
      kind: 'movie',
      title,
      url: /^https?:\/\//.test(uri) ? uri : undefined,
      rating: rating > 0 ? rating : undefined,
      review,
      finishedOn: watched,
    };
    const notes = [rewatch && 'rewatch', shortened && 'review shortened to fit'].filter(Boolean);
    return { line, title: shown, entryId, input, note: notes.length ? notes.join('; ') : undefined };
  });
}

/** Reviews by the diary entry's link, and by film and day for rows without one. */
function reviewIndex(rows: CsvRow[]): Map<string, string> {
  const index = new Map<string, string>();
  for (const { cells } of rows) {
    const review = cells['Review'] ?? '';
    if (!review.trim()) continue;
    const uri = cells['Letterboxd URI']?.trim();
    if (uri) index.set(uri, review);
    const day = isoDay(cells['Watched Date']) ?? isoDay(cells['Date']);
    index.set(`${cells['Name']?.trim() ?? ''}|${cells['Year'] ?? ''}|${day}`, review);
  }
  return index;
}

const digest = (text: string) => createHash('sha256').update(text).digest('hex').slice(0, 24);

/** The diary entry's short code (https://boxd.it/3bWxYz -> 3bWxYz), or a digest of any other link. */
const linkIdentity = (uri: string) => /^https?:\/\/boxd\.it\/([A-Za-z0-9]+)\/?$/.exec(uri)?.[1] ?? digest(uri);
