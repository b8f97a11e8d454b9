'use client';
import { useEffect } from 'react';

/**
 * Feeds link each entry as `/about#entry-<id>`, but the About page lists only the newest entries:
 * when the linked entry is not on this page, this goes to the page that starts at it.
 */
export function EntryPermalink({ from }: { from?: string }) {
  useEffect(() => {
    const match = /^#entry-(.+)$/.exec(window.location.hash);
    if (!match) return;
    let id: string;
    try {
      id = decodeURIComponent(match[1]!);
    } catch {
      return;
    }
    if (id === from || document.getElementById(`entry-${id}`)) return; // here already, or as close as it gets
    window.location.replace(`/about?from=${encodeURIComponent(id)}${window.location.hash}`);
  }, [from]);
  return null;
}
