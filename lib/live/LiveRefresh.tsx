'use client';
import { useRouter } from 'next/navigation';
import { useEffect, useRef } from 'react';

export interface LiveRefreshProps {
  /** The store to follow: `media` (About page, widget) or `orderbook`. */
  stream: string;
  /** The store version the page was rendered at, so an event between render and connect is not missed. */
  since?: number;
  /** At most one refresh per this many ms; events in between are folded into the next one. */
  throttleMs?: number;
}

/**
 * Re-renders the current page (router.refresh(): new server HTML, client state kept) whenever the
 * store records an event. EventSource reconnects by itself after a network drop or a server
 * restart, sending Last-Event-ID, and the server tells it at once if it missed anything.
 */
export function LiveRefresh({ stream, since, throttleMs = 250 }: LiveRefreshProps) {
  const router = useRouter();
  // Only the first render's version matters: after that the connection carries its own position.
  const initialSince = useRef(since);

  useEffect(() => {
    const query = new URLSearchParams({ stream });
    if (initialSince.current !== undefined) query.set('since', String(initialSince.current));
    const events = new EventSource(`/api/events?${query}`);
    let last = 0;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const onChange = () => {
      if (timer !== undefined) return;
      timer = setTimeout(() => {
        timer = undefined;
        last = Date.now();
        router.refresh();
      }, Math.max(0, last + throttleMs - Date.now()));
    };
    events.addEventListener('change', onChange);
    return () => {
      events.close();
      clearTimeout(timer);
    };
  }, [stream, throttleMs, router]);

  return null;
}
