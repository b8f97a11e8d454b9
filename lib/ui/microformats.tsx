// The microformats2 of an entry (https://microformats.org/wiki/h-entry, h-review, h-cite), shared
// by every surface that shows one: classes on what is visible (the work's name, author and link,
// the tags, the review), and the values a parser needs that the page does not show as such (the
// entry page's absolute URL, the day, the read status, the rating out of 5) as <data> elements.
import { entryUrl } from '../indieweb/entry-url';
import type { Kind } from '../media/kinds';
import type { Entry } from '../media/projection';

/** The property of the post that names the work, per kind. */
const WORK_PROPERTY: Record<Kind, string> = {
  book: 'u-read-of',
  article: 'u-read-of',
  movie: 'u-watch-of',
  show: 'u-watch-of',
  podcast: 'u-listen-of',
  game: 'u-play-of',
};

const isReview = (entry: Pick<Entry, 'rating' | 'review'>) => entry.rating !== undefined || Boolean(entry.review);

/** The entry's root classes: an h-entry, and an h-review too when it is rated or reviewed. */
export const entryClass = (entry: Pick<Entry, 'rating' | 'review'>) => (isReview(entry) ? 'h-entry h-review' : 'h-entry');

/** The work's classes: an h-cite under the kind's property (and the review's item). */
export const workClass = (entry: Pick<Entry, 'kind' | 'rating' | 'review'>) => `${WORK_PROPERTY[entry.kind]}${isReview(entry) ? ' p-item' : ''} h-cite`;

/** The day an entry is dated by: finished, or started for one in progress. */
export const entryDay = (entry: Pick<Entry, 'finishedOn' | 'startedOn' | 'loggedAt'>) => entry.finishedOn ?? entry.startedOn ?? entry.loggedAt.slice(0, 10);

/** read-status for books: finished or reading. */
const readStatus = (entry: Pick<Entry, 'kind' | 'status'>) =>
  entry.kind !== 'book' ? undefined : entry.status === 'finished' ? 'finished' : entry.status === 'in-progress' ? 'reading' : undefined;

/** The hidden values of an entry's h-entry (put inside its root, outside the work's h-cite). */
export function EntryData({ entry, origin }: { entry: Entry; origin?: string }) {
  const status = readStatus(entry);
  return (
    <>
      {origin && <data className="u-url u-uid" value={entryUrl(origin, entry.id)} />}
      <data className="dt-published" value={entryDay(entry)} />
      {status && <data className="p-read-status" value={status} />}
      {entry.rating !== undefined && (
        <>
          <data className="p-rating" value={String(entry.rating)} />
          <data className="p-best" value="5" />
        </>
      )}
    </>
  );
}

/**
 * The work's h-cite as values only, where the visible title links elsewhere (the Now list links to
 * the entry page, which must not become the work's implied URL).
 */
export function WorkCite({ entry }: { entry: Entry }) {
  return (
    <span className={workClass(entry)} hidden>
      <data className="p-name" value={entry.title} />
      {entry.creator && <data className="p-author" value={entry.creator} />}
      {entry.url && <data className="u-url" value={entry.url} />}
    </span>
  );
}
