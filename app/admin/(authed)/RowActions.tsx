'use client';

import Link from 'next/link';
import { useActionState } from 'react';
import type { RowActionState } from './actions';
import styles from './admin.module.css';

/** Edit, and remove or restore one entry; a refused action (say, removed twice) shows why. */
export function RowActions({
  entryId,
  title,
  removed,
  remove,
  restore,
}: {
  entryId: string;
  title: string;
  removed: boolean;
  remove: () => Promise<RowActionState>;
  restore: () => Promise<RowActionState>;
}) {
  const [state, act, pending] = useActionState<RowActionState>(removed ? restore : remove, {});
  return (
    <div className={styles.rowActions}>
      {!removed && (
        <Link className="button" href={`/admin/entries/${entryId}`} aria-label={`Edit ${title}`}>
          Edit
        </Link>
      )}
      <form
        action={act}
        onSubmit={(e) => {
          // Removing hides the entry from every page and feed: ask first (restoring needs no second thought).
          if (!removed && !window.confirm(`Remove “${title}”? It disappears from your pages and feeds; you can restore it later.`)) e.preventDefault();
        }}
      >
        <button type="submit" className={removed ? undefined : styles.danger} disabled={pending} aria-label={`${removed ? 'Restore' : 'Remove'} ${title}`}>
          {removed ? 'Restore' : 'Remove'}
        </button>
      </form>
      {state.error && <p className={styles.fieldError}>{state.error}</p>}
    </div>
  );
}
