'use client';

import { useState, useTransition } from 'react';
import type { RowActionState } from './actions';
import styles from './admin.module.css';

type Status = 'finished' | 'in-progress' | 'abandoned';

/** The next steps of an entry not finished: finish it (today) or abandon it; restart an abandoned one. */
export function StatusActions({ title, status, change }: { title: string; status: Status; change: (to: Status) => Promise<RowActionState> }) {
  const [pending, startTransition] = useTransition();
  const [state, setState] = useState<RowActionState>({});
  const act = (to: Status) => startTransition(async () => setState(await change(to)));
  if (status === 'finished') return null;
  return (
    <div className={styles.rowActions}>
      {status === 'in-progress' && (
        <>
          <button type="button" disabled={pending} onClick={() => act('finished')} aria-label={`Finish ${title}`}>
            Finish
          </button>
          <button type="button" disabled={pending} onClick={() => act('abandoned')} aria-label={`Abandon ${title}`}>
            Abandon
          </button>
        </>
      )}
      {status === 'abandoned' && (
        <button type="button" disabled={pending} onClick={() => act('in-progress')} aria-label={`Restart ${title}`}>
          Restart
        </button>
      )}
      {state.error && <p className={styles.fieldError}>{state.error}</p>}
    </div>
  );
}
