import styles from './feed.module.css';

/** Five stars filled to the rating (halves included), read out as "Rated 4.5 out of 5". */
export function Stars({ rating }: { rating: number }) {
  return (
    <span className={styles.stars} role="img" aria-label={`Rated ${rating} out of 5`} title={`${rating} / 5`}>
      <span aria-hidden="true" className={styles.starsEmpty}>★★★★★</span>
      <span aria-hidden="true" className={styles.starsFull} style={{ width: `${(rating / 5) * 100}%` }}>
        ★★★★★
      </span>
    </span>
  );
}
