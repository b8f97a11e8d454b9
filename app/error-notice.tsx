import type { ReactNode } from 'react';
import styles from './status-page.module.css';

/** What both error boundaries show: what happened, the server log's reference, a retry and a way out. */
export function ErrorNotice({ message, digest, reset, home }: { message: string; digest?: string; reset: () => void; home: ReactNode }) {
  return (
    <main className={styles.page}>
      <p className={styles.code}>Error</p>
      <h1>Something went wrong</h1>
      <p>{message}</p>
      {digest && <p className={styles.detail}>Reference for the server log: {digest}</p>}
      <nav className={styles.links} aria-label="Ways back">
        <button type="button" onClick={() => reset()}>
          Try again
        </button>
        {home}
      </nav>
    </main>
  );
}
