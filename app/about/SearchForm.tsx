import styles from './search.module.css';

/**
 * Search the feed: a plain GET form (works without JavaScript; each result page is a URL the
 * edge can keep). The kind, tag and year filters in force are kept as hidden fields.
 */
export function SearchForm({ q, kind, tag, year }: { q?: string; kind?: string; tag?: string; year?: string }) {
  return (
    <form method="get" action="/about" role="search" className={styles.search}>
      <label htmlFor="about-q" className={styles.label}>
        Search
      </label>
      <input id="about-q" name="q" type="search" defaultValue={q} maxLength={100} placeholder="Title, author, review or tag" />
      {kind && <input type="hidden" name="kind" value={kind} />}
      {tag && <input type="hidden" name="tag" value={tag} />}
      {year && <input type="hidden" name="year" value={year} />}
      <button type="submit">Search</button>
    </form>
  );
}
