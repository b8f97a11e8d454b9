import { Markdown } from '../markdown/Markdown';
import { daysLabel, daysToFinish, formatDay } from '../media/dates';
import { KIND_INFO } from '../media/kinds';
import type { Entry } from '../media/projection';
import { STATUS_LABELS } from '../media/public-entry';
import type { ReactNode } from 'react';
import { CoverImage } from './CoverImage';
import styles from './entry-details.module.css';
import { EntryData, entryClass, workClass } from './microformats';
import { Stars } from './Stars';

/**
 * One public entry in full, as its own page shows it: cover, facts, tags and the review (spoilers
 * in boxes); an h-entry (lib/ui/microformats.tsx) whose u-url is the page at `origin`, with
 * `children` (the mentions) inside it.
 */
export function EntryDetails({ entry, origin, children }: { entry: Entry; origin: string; children?: ReactNode }) {
  const kind = KIND_INFO[entry.kind];
  const days = daysToFinish(entry);
  return (
    <div className={entryClass(entry)}>
      <EntryData entry={entry} origin={origin} />
      <article className={styles.entry} data-testid="entry" data-status={entry.status}>
        <div className={styles.cover} aria-hidden={entry.coverUrl ? undefined : true}>
          {entry.coverUrl ? (
            <CoverImage src={entry.coverUrl} alt={`Cover of ${entry.title}`} icon={kind.icon} placeholderClassName={styles.placeholder} />
          ) : (
            <span className={styles.placeholder}>{kind.icon}</span>
          )}
        </div>
        <div className={styles.body}>
          <p className={styles.kind}>
            <span aria-hidden="true">{kind.icon}</span> {kind.label} · <span data-testid="entry-status">{STATUS_LABELS[entry.status]}</span>
          </p>
          <div className={workClass(entry)}>
            <h1 className={`${styles.title} p-name`}>
              {entry.url ? (
                <a href={entry.url} rel="noopener" className="u-url">
                  {entry.title}
                </a>
              ) : (
                entry.title
              )}
            </h1>
            {entry.creator && <p className={`${styles.creator} p-author`}>{entry.creator}</p>}
          </div>
          {entry.rating !== undefined && (
            <p>
              <Stars rating={entry.rating} />
            </p>
          )}
          <dl className={styles.facts}>
            {entry.startedOn && (
              <>
                <dt>Started</dt>
                <dd>
                  <time dateTime={entry.startedOn}>{formatDay(entry.startedOn)}</time>
                </dd>
              </>
            )}
            {entry.finishedOn && (
              <>
                <dt>Finished</dt>
                <dd>
                  <time dateTime={entry.finishedOn}>{formatDay(entry.finishedOn)}</time>
                </dd>
              </>
            )}
            {days !== undefined && (
              <>
                <dt>Took</dt>
                <dd data-testid="days-to-finish">{daysLabel(days)}</dd>
              </>
            )}
            {entry.status === 'in-progress' && entry.progress !== undefined && (
              <>
                <dt>Progress</dt>
                <dd>{entry.progress}%</dd>
              </>
            )}
          </dl>
          {entry.tags && entry.tags.length > 0 && (
            <ul className={styles.tags} aria-label="Tags">
              {entry.tags.map((tag) => (
                <li key={tag}>
                  <a href={`/about?tag=${encodeURIComponent(tag)}`}>
                    #<span className="p-category">{tag}</span>
                  </a>
                </li>
              ))}
            </ul>
          )}
        </div>
      </article>
      {entry.review && <Markdown text={entry.review} className={`${styles.review} e-content`} />}
      {children}
    </div>
  );
}
