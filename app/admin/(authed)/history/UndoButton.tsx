'use client';

import { useActionState } from 'react';
import type { UndoState } from './actions';
import styles from './history.module.css';

/** Undo one change; a refusal (the entry changed since) is shown next to the button. */
export function UndoButton({ seq, undo }: { seq: number; undo: () => Promise<UndoState> }) {
  const [state, act, pending] = useActionState<UndoState>(undo, {});
  return (
    <form
      action={act}
      className={styles.undo}
      onSubmit={(e) => {
        if (!window.confirm(`Undo event #${seq}? A new event puts back what was there before.`)) e.preventDefault();
      }}
    >
      <button type="submit" disabled={pending} aria-label={`Undo event #${seq}`}>
        {pending ? 'Undoing…' : 'Undo'}
      </button>
      {state.error && (
        <p role="alert" className={styles.error}>
          {state.error}
        </p>
      )}
    </form>
  );
}
