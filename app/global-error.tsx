'use client';

import './globals.css';
import styles from './status-page.module.css';

/** When the root layout itself fails: this replaces it, so it brings its own html and body. */
export default function GlobalError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="en">
      <body>
        <main className={styles.page}>
          <p className={styles.code}>Error</p>
          <h1>Something went wrong</h1>
          <p>The site could not be shown just now. Nothing you saved is lost.</p>
          {error.digest && <p className={styles.detail}>Reference for the server log: {error.digest}</p>}
          <nav className={styles.links} aria-label="Ways back">
            <button type="button" onClick={() => reset()}>
              Try again
            </button>
            <a className="button" href="/about">
              Recently finished
            </a>
          </nav>
        </main>
      </body>
    </html>
  );
}
