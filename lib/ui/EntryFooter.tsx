import type { Entry } from '../media/projection';
import styles from './feed.module.css';

/** Under a feed item: its tags (each filters the About page) and the link to its own page. */
export function EntryFooter({ entry, newTab = false }: { entry: Entry; newTab?: boolean }) {
  const linkProps = newTab ? { target: '_blank', rel: 'noopener' } : {};
  return (
    <p className={styles.footer}>
      {(entry.tags ?? []).map((tag) => (
        <a key={tag} className={styles.tag} href={`/about?tag=${encodeURIComponent(tag)}`} {...linkProps}>
          #<span className="p-category">{tag}</span>
        </a>
      ))}
      {/* Plain text as its name: the title link above stays the only link named after the title. */}
      <a className={styles.more} href={`/entries/${encodeURIComponent(entry.id)}`} {...linkProps}>
        Entry page →
      </a>
    </p>
  );
}
