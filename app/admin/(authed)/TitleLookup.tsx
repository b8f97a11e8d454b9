'use client';

import { useEffect, useRef, useState } from 'react';
import { LOOKUP_DEBOUNCE_MS, lookupOutcome, lookupUrl } from '@/lib/lookup/suggest';
import type { LookupResult } from '@/lib/lookup/types';
import styles from './lookup.module.css';

export type { LookupResult };

/**
 * Matches for the title being typed (`query`), from GET /api/lookup, while online; choosing one
 * calls `onPick` (the form fills title, creator, cover and link, all still editable). A slow or
 * failing source only shows a note; a server without the lookup (404), or no connection, shows
 * nothing. The admin's entry form and the quick log both use it (lib/lookup/suggest.ts: the rules).
 */
export function TitleLookup({ kind, query, online = true, onPick }: { kind: string; query: string; online?: boolean; onPick: (match: LookupResult) => void }) {
  const [matches, setMatches] = useState<LookupResult[]>([]);
  const [note, setNote] = useState('');
  const unavailable = useRef(false);
  const picked = useRef('');

  useEffect(() => {
    const url = online && !unavailable.current && query.trim() !== picked.current ? lookupUrl(kind, query) : undefined;
    setMatches([]);
    setNote('');
    if (!url) return;
    const abort = new AbortController();
    const timer = setTimeout(async () => {
      try {
        const response = await fetch(url, { signal: abort.signal });
        const outcome = lookupOutcome(response.status, await response.json().catch(() => undefined));
        unavailable.current ||= outcome.unavailable;
        setMatches(outcome.results);
        setNote(outcome.note);
      } catch (err) {
        if ((err as Error).name !== 'AbortError') setNote(navigator.onLine ? 'Lookup unavailable' : ''); // offline mid-typing: nothing to say
      }
    }, LOOKUP_DEBOUNCE_MS);
    return () => {
      clearTimeout(timer);
      abort.abort();
    };
  }, [kind, query, online]);

  const choose = (match: LookupResult) => {
    picked.current = match.title.trim();
    setMatches([]);
    setNote('');
    onPick(match);
  };

  return (
    <div className={styles.lookup}>
      {matches.length > 0 && (
        <ul aria-label="Matches" className={styles.matches}>
          {matches.map((match, i) => (
            <li key={`${match.source}-${match.url}-${i}`}>
              <button type="button" onClick={() => choose(match)}>
                {match.coverUrl && <img src={match.coverUrl} alt="" width={28} height={40} loading="lazy" />}
                <span>
                  <strong>{match.title}</strong>
                  {match.creator && ` · ${match.creator}`}
                  {match.year && ` (${match.year})`}
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
      {note && <p className={styles.note}>{note}</p>}
    </div>
  );
}
