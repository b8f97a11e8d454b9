import { formatDay } from '../media/dates';
import { KIND_INFO } from '../media/kinds';
import type { Entry } from '../media/projection';
import { EntryData, entryClass, WorkCite } from './microformats';
import styles from './now.module.css';

/** "Now": what the owner is in the middle of, with how far along each is when known. */
export function NowSection({ entries, newTab = false, heading = 'Now', origin }: { entries: readonly Entry[]; newTab?: boolean; heading?: string; origin?: string }) {
  if (entries.length === 0) return null;
  const linkProps = newTab ? { target: '_blank', rel: 'noopener' } : {};
  return (
    <section aria-labelledby="now-heading" className={styles.now} data-testid="now">
      <h2 id="now-heading" className={styles.heading}>
        {heading}
      </h2>
      <ul className={styles.list}>
        {entries.map((entry) => {
          const kind = KIND_INFO[entry.kind];
          return (
            <li key={entry.id} className={`${styles.item} ${entryClass(entry)}`} data-entry-id={entry.id}>
              <EntryData entry={entry} origin={origin} />
              <span className={styles.cover} aria-hidden="true">
                {entry.coverUrl ? (
                  // eslint-disable-next-line @next/next/no-img-element
                  <img src={entry.coverUrl} alt="" loading="lazy" referrerPolicy="no-referrer" />
                ) : (
                  kind.icon
                )}
              </span>
              <span className={styles.body}>
                <WorkCite entry={entry} />
                <a className={styles.title} href={`/entries/${encodeURIComponent(entry.id)}`} {...linkProps}>
                  {entry.title}
                </a>
                {entry.creator && <span className={styles.creator}> · {entry.creator}</span>}
                <span className={styles.meta}>
                  {kind.verb[0]!.toUpperCase() + kind.verb.slice(1)}
                  {entry.startedOn && (
                    <>
                      {' '}
                      since <time dateTime={entry.startedOn}>{formatDay(entry.startedOn)}</time>
                    </>
                  )}
                  {entry.progressNote && (
                    <>
                      {' '}
                      · <span data-testid="progress-note">{entry.progressNote}</span>
                    </>
                  )}
                  {entry.progress !== undefined && (
                    <>
                      {' '}
                      · <span data-testid="progress">{entry.progress}%</span>
                      <progress className={styles.bar} max={100} value={entry.progress} aria-label={`${entry.title}: ${entry.progress}%`} />
                    </>
                  )}
                </span>
              </span>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
