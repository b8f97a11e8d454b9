'use client';

import { useActionState } from 'react';
import { requestRetry } from '@/lib/announce/actions';
import type { RetryResult } from '@/lib/announce/retry';
import type { Channel } from '@/lib/announce/events';
import styles from './admin.module.css';

/** The dead letter's way out: asks the announcer to try this channel again. */
export function RetryButton({ entryId, channel, label }: { entryId: string; channel: Channel; label: string }) {
  const [state, act, pending] = useActionState<RetryResult | null>(() => requestRetry(entryId, channel), null);
  return (
    <form action={act} className={styles.inlineForm}>
      <button type="submit" disabled={pending} aria-label={label}>
        Retry
      </button>
      {state && !state.ok && <span className={styles.fieldError}> {state.error}</span>}
    </form>
  );
}
