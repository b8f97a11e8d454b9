'use client';

import { useRef } from 'react';
import { queuedEntries, sendQueue } from '@/lib/offline/outbox';

/** How long logging out waits for the offline queue to be sent before it goes ahead anyway. */
const SEND_FIRST_MS = 5_000;

/**
 * "Log out": a plain form POST to /admin/logout (works without JavaScript). With JavaScript, the
 * quick log's queue is sent first while the session still stands; whatever cannot be sent now
 * stays on this device and goes out after the next login. Nothing queued is dropped.
 */
export function LogoutButton({ className }: { className?: string }) {
  const ready = useRef(false);

  async function sendQueueFirst(event: React.FormEvent<HTMLFormElement>) {
    if (ready.current) return;
    event.preventDefault();
    const form = event.currentTarget;
    try {
      const waiting = (await queuedEntries()).some((item) => item.state === 'waiting');
      if (waiting && navigator.onLine) await Promise.race([sendQueue(), new Promise((resolve) => setTimeout(resolve, SEND_FIRST_MS))]);
    } catch {
      // No IndexedDB here: there is no queue to send.
    }
    ready.current = true;
    form.requestSubmit();
  }

  return (
    <form method="post" action="/admin/logout" onSubmit={sendQueueFirst}>
      <button type="submit" className={className}>
        Log out
      </button>
    </form>
  );
}
