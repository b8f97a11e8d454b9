'use client';

import { useEffect, useRef, useState } from 'react';
import styles from './quick-log.module.css';

/** One candidate of GET /api/lookup?kind=&q=. */
export interface LookupResult {
  title: string;
  creator?: string;
  year?: number | string;
  coverUrl?: string;
  url?: string;
  source?: string;
}

const DEBOUNCE_MS = 400;
const MIN_QUERY = 3;
const SHOWN = 5;

/**
 * Candidates for the title being typed, from the server's metadata lookup, when online. Offline,
 * or when the server has no lookup (404), it shows nothing and the title stays a plain input.
 */
export function TitleLookup({ kind, query, online, onPick }: { kind: string; query: string; online: boolean; onPick: (r: LookupResult) => void }) {
  const [results, setResults] = useState<LookupResult[]>([]);
  const unavailable = useRef(false);
  const picked = useRef('');

  useEffect(() => {
    const q = query.trim();
    if (!online || unavailable.current || q.length < MIN_QUERY || q === picked.current) {
      setResults([]);
      return;
    }
    const abort = new AbortController();
    const timer = setTimeout(async () => {
      try {
        const response = await fetch(`/api/lookup?${new URLSearchParams({ kind, q })}`, { signal: abort.signal });
        if (response.status === 404) unavailable.current = true;
        if (!response.ok) return setResults([]);
        const body = (await response.json()) as { results?: LookupResult[] };
        setResults(Array.isArray(body.results) ? body.results.filter((r) => typeof r?.title === 'string').slice(0, SHOWN) : []);
      } catch {
        setResults([]); // offline mid-typing, or aborted by the next keystroke
      }
    }, DEBOUNCE_MS);
    return () => {
      clearTimeout(timer);
      abort.abort();
    };
  }, [kind, query, online]);

  if (results.length === 0) return null;
  return (
    <ul className={styles.suggestions} aria-label="Suggestions">
      {results.map((r, i) => (
        <li key={`${r.source}-${r.url}-${i}`}>
          <button
            type="button"
            onClick={() => {
              picked.current = r.title;
              setResults([]);
              onPick(r);
            }}
          >
            <strong>{r.title}</strong>
            {r.creator && ` · ${r.creator}`}
            {r.year && ` (${r.year})`}
          </button>
        </li>
      ))}
    </ul>
  );
}
