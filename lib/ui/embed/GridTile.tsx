import { KIND_INFO } from '../../media/kinds';
import type { Entry } from '../../media/projection';
import { CoverImage } from '../CoverImage';
import { Stars } from '../Stars';
import styles from './grid.module.css';

/** One cover in the widget's grid layout; cover and title link out in a new tab. */
export function GridTile({ entry, ratings }: { entry: Entry; ratings: boolean }) {
  const body = (
    <>
      <span className={styles.cover}>
        {entry.coverUrl ? (
          <CoverImage src={entry.coverUrl} alt="" icon={KIND_INFO[entry.kind].icon} placeholderClassName={styles.placeholder} />
        ) : (
          <span className={styles.placeholder} aria-hidden="true">
            {KIND_INFO[entry.kind].icon}
          </span>
        )}
      </span>
      <h3 className={styles.title}>{entry.title}</h3>
    </>
  );
  return (
    <article className={styles.tile} data-entry-id={entry.id} data-kind={entry.kind} title={entry.creator ? `${entry.title} · ${entry.creator}` : entry.title}>
      {entry.url ? (
        <a href={entry.url} target="_blank" rel="noopener noreferrer" className={styles.link}>
          {body}
        </a>
      ) : (
        <div className={styles.link}>{body}</div>
      )}
      {ratings && entry.rating !== undefined && (
        <span className={styles.rating}>
          <Stars rating={entry.rating} />
        </span>
      )}
    </article>
  );
}
