'use client';

import { useRef, useState } from 'react';
import { queuedEntries, sendQueue } from '@/lib/offline/outbox';

/** How long logging out waits for the offline queue to be sent before it goes ahead anyway. */
const SEND_FIRST_MS = 5_000;

/**
 * "Log out": a plain form POST to /admin/logout (works without JavaScript). With JavaScript, the
 * quick log's queue is sent first while the session still stands; whatever cannot be sent now
 * stays on this device and goes out after the next login. Nothing queued is dropped. Offline the
 * POST cannot reach the server (the page would fall to an error): it says so instead, and the
 * owner logs out once the connection is back.
 */
export function LogoutButton({ className, noteClassName }: { className?: string; noteClassName?: string }) {
  const ready = useRef(false);
  const [offline, setOffline] = useState(false);

  async function sendQueueFirst(event: React.FormEvent<HTMLFormElement>) {
    if (!navigator.onLine) {
      event.preventDefault();
      setOffline(true);
      return;
    }
    setOffline(false);
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
      {offline && (
        <span role="alert" className={noteClassName}>
          Offline: log out once the connection is back.
        </span>
      )}
    </form>
  );
}
