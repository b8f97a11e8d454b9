import { Markdown } from '../markdown/Markdown';
import { daysLabel, daysToFinish, formatDay } from '../media/dates';
import { KIND_INFO } from '../media/kinds';
import type { Entry } from '../media/projection';
import { STATUS_LABELS } from '../media/public-entry';
import { CoverImage } from './CoverImage';
import styles from './entry-details.module.css';
import { Stars } from './Stars';

/** One public entry in full, as its own page shows it: cover, facts, tags and the review (spoilers in boxes). */
export function EntryDetails({ entry }: { entry: Entry }) {
  const kind = KIND_INFO[entry.kind];
  const days = daysToFinish(entry);
  return (
    <>
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
          <h1 className={styles.title}>{entry.url ? <a href={entry.url} rel="noopener">{entry.title}</a> : entry.title}</h1>
          {entry.creator && <p className={styles.creator}>{entry.creator}</p>}
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
                  <a href={`/about?tag=${encodeURIComponent(tag)}`}>#{tag}</a>
                </li>
              ))}
            </ul>
          )}
        </div>
      </article>
      {entry.review && <Markdown text={entry.review} className={styles.review} />}
    </>
  );
}
