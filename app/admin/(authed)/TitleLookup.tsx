'use client';

import { useEffect, useRef, useState } from 'react';
import type { Kind } from '@/lib/media/kinds';
import styles from './lookup.module.css';

interface Match { title: string; creator?: string; year?: number; coverUrl?: string; url?: string; source: string }

/** Wait this long after the last keystroke before asking (the sources have rate limits). */
const DEBOUNCE_MS = 350;

/** Sets an uncontrolled input's value as typing would, so the form's own listeners see it. */
function fill(form: HTMLFormElement, name: string, value: string | undefined) {
  const input = form.elements.namedItem(name);
  if (!(input instanceof HTMLInputElement)) return;
  Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(input, value ?? '');
  input.dispatchEvent(new Event('input', { bubbles: true }));
}

/**
 * Matches for what is typed in the form's Title, from /api/lookup; choosing one fills title,
 * creator, cover and link (all still editable). A slow or failing source only shows a note.
 */
export function TitleLookup({ kind }: { kind: Kind }) {
  const anchor = useRef<HTMLDivElement>(null);
  const [matches, setMatches] = useState<Match[]>([]);
  const [note, setNote] = useState('');
  const filling = useRef(false);

  useEffect(() => {
    const form = anchor.current?.closest('form');
    const title = form?.elements.namedItem('title');
    if (!form || !(title instanceof HTMLInputElement)) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let inFlight: AbortController | undefined;
    const onInput = () => {
      clearTimeout(timer);
      inFlight?.abort();
      if (filling.current) return;
      const q = title.value.trim();
      if (q.length < 2) {
        setMatches([]);
        setNote('');
        return;
      }
      timer = setTimeout(async () => {
        inFlight = new AbortController();
        try {
          const response = await fetch(`/api/lookup?${new URLSearchParams({ kind, q: q.slice(0, 200) })}`, { signal: inFlight.signal });
          const body = await response.json();
          setMatches(response.ok ? body.results : []);
          setNote(response.ok ? body.message ?? (body.results.length ? '' : 'No matches') : `Lookup unavailable: ${body.error ?? response.status}`);
        } catch (err) {
          if ((err as Error).name !== 'AbortError') setNote('Lookup unavailable');
        }
      }, DEBOUNCE_MS);
    };
    title.addEventListener('input', onInput);
    return () => {
      title.removeEventListener('input', onInput);
      clearTimeout(timer);
      inFlight?.abort();
    };
  }, [kind]);

  const choose = (match: Match) => {
    const form = anchor.current?.closest('form');
    if (!form) return;
    filling.current = true;
    fill(form, 'title', match.title);
    fill(form, 'creator', match.creator);
    fill(form, 'url', match.url);
    fill(form, 'coverUrl', match.coverUrl);
    filling.current = false;
    setMatches([]);
    setNote('');
  };

  return (
    <div ref={anchor} className={styles.lookup}>
      {matches.length > 0 && (
        <ul aria-label="Matches" className={styles.matches}>
          {matches.map((match, i) => (
            <li key={i}>
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
