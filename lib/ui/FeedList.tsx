import type { Entry } from '../media/projection';
import styles from './feed.module.css';
import { FeedItem, type FeedItemOptions } from './FeedItem';

/** Finished items as a list, newest first, as the About page, the widget and the past view show them (each an h-entry). */
export function FeedList({ entries, testId, ...options }: { entries: readonly Entry[]; testId: string } & FeedItemOptions) {
  return (
    <ol className={styles.list} data-testid={testId}>
      {entries.map((entry) => (
        <li key={entry.id}>
          <FeedItem entry={entry} {...options} />
        </li>
      ))}
    </ol>
  );
}
