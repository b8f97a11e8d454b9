'use client';

import Link from 'next/link';
import styles from './status-page.module.css';

/** A page that failed while rendering: say so in the site's style, offer a retry and a way out. */
export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <main className={styles.page}>
      <p className={styles.code}>Error</p>
      <h1>Something went wrong</h1>
      <p>This page could not be shown just now. Nothing you saved is lost: try again, or come back in a moment.</p>
      {error.digest && <p className={styles.detail}>Reference for the server log: {error.digest}</p>}
      <nav className={styles.links} aria-label="Ways back">
        <button type="button" onClick={() => reset()}>
          Try again
        </button>
        <Link className="button" href="/about">
          Recently finished
        </Link>
      </nav>
    </main>
  );
}
