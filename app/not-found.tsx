import type { Metadata } from 'next';
import Link from 'next/link';
import styles from './status-page.module.css';

export const metadata: Metadata = { title: 'Not found', robots: { index: false } };

/** Any unknown path, and every notFound() (an entry id or a history position that does not exist). */
export default function NotFound() {
  return (
    <main className={styles.page}>
      <p className={styles.code}>404 · not found</p>
      <h1>Nothing on this shelf here</h1>
      <p>The page you asked for does not exist, or the thing it pointed at is gone.</p>
      <nav className={styles.links} aria-label="Ways back">
        <Link className="button" href="/about">
          Recently finished
        </Link>
        <Link className="button" href="/admin">
          Admin
        </Link>
      </nav>
    </main>
  );
}
