import { Markdown } from '../markdown/Markdown';
import { daysLabel, daysToFinish, formatDay } from '../media/dates';
import { KIND_INFO } from '../media/kinds';
import type { Entry } from '../media/projection';
import { CoverImage } from './CoverImage';
import styles from './feed.module.css';
import { Stars } from './Stars';
import { EntryFooter } from './EntryFooter';
import { EntryData, entryClass, workClass } from './microformats';

export interface FeedItemOptions {
  covers?: boolean;
  ratings?: boolean;
  reviews?: boolean;
  /** Open links in a new tab (the embedded widget). */
  newTab?: boolean;
  /** The site's public origin: the h-entry's u-url is the entry page's absolute URL. */
  origin?: string;
}

/** One finished item; its review is the owner's Markdown, sanitised, spoilers in boxes (as on the entry page). */
export function FeedItem({ entry, covers = true, ratings = true, reviews = true, newTab = false, origin }: { entry: Entry } & FeedItemOptions) {
  const kind = KIND_INFO[entry.kind];
  const linkProps = newTab ? { target: '_blank', rel: 'noopener noreferrer' } : { rel: 'noopener' };
  return (
    <article className={`${styles.item} ${entryClass(entry)}`} id={`entry-${entry.id}`} data-entry-id={entry.id} data-kind={entry.kind}>
      <EntryData entry={entry} origin={origin} />
      {covers && (
        <div className={styles.cover} aria-hidden={entry.coverUrl ? undefined : true}>
          {entry.coverUrl ? (
            <CoverImage src={entry.coverUrl} alt={`Cover of ${entry.title}`} icon={kind.icon} placeholderClassName={styles.coverPlaceholder} />
          ) : (
            <span className={styles.coverPlaceholder}>{kind.icon}</span>
          )}
        </div>
      )}
      <div className={styles.body}>
        <div className={workClass(entry)}>
          <h3 className={`${styles.title} p-name`}>
            {entry.url ? (
              <a href={entry.url} className="u-url" {...linkProps}>
                {entry.title}
              </a>
            ) : (
              entry.title
            )}
          </h3>
          {entry.creator && <p className={`${styles.creator} p-author`}>{entry.creator}</p>}
        </div>
        <p className={styles.meta}>
          <span className={styles.kind}>
            <span aria-hidden="true">{kind.icon}</span> {kind.label}
          </span>
          <span aria-hidden="true"> · </span>
          {entry.finishedOn && <time dateTime={entry.finishedOn}>{formatDay(entry.finishedOn)}</time>}
          {daysToFinish(entry) !== undefined && (
            <>
              <span aria-hidden="true"> · </span>
              <span data-testid="days-to-finish">{daysLabel(daysToFinish(entry)!)}</span>
            </>
          )}
          {ratings && entry.rating !== undefined && (
            <>
              <span aria-hidden="true"> · </span>
              <Stars rating={entry.rating} />
            </>
          )}
        </p>
        {reviews && entry.review && <Markdown text={entry.review} className={`${styles.review} e-content`} />}
        <EntryFooter entry={entry} newTab={newTab} />
      </div>
    </article>
  );
}
