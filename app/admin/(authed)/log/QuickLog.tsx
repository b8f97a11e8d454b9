'use client';

import { useCallback, useEffect, useRef, useState } from 'react';
import { loginUrl } from '@/lib/auth/return-path';
import { todayIn } from '@/lib/media/dates';
import { enqueue, onQueueChange, queuedEntries, removeQueued, sendQueue, updateQueued } from '@/lib/offline/outbox';
import type { QueuedEntry, QuickEntry } from '@/lib/offline/queue';
import { QUICK_LOG_PATH, sharedItem } from '@/lib/offline/share';
import { TitleLookup, type LookupResult } from '../TitleLookup';
import styles from './quick-log.module.css';

interface Props {
  /** The owner's time zone: the day an entry is logged on, even when it is sent days later. */
  timeZone: string;
  kinds: { kind: string; label: string; icon: string }[];
}

interface FormState {
  kind: string;
  title: string;
  rating: string;
  review: string;
  url: string;
  creator: string;
  coverUrl: string;
}

const EMPTY: FormState = { kind: 'book', title: '', rating: '', review: '', url: '', creator: '', coverUrl: '' };
const RATINGS = ['0.5', '1', '1.5', '2', '2.5', '3', '3.5', '4', '4.5', '5'];
const RETRY_MS = [2_000, 5_000, 15_000, 30_000, 60_000];

const formOf = (entry: QuickEntry): FormState => ({
  kind: entry.kind,
  title: entry.title,
  rating: entry.rating === undefined ? '' : String(entry.rating),
  review: entry.review ?? '',
  url: entry.url ?? '',
  creator: entry.creator ?? '',
  coverUrl: entry.coverUrl ?? '',
});

const STATE_TEXT: Record<QueuedEntry['state'], string> = {
  waiting: 'waiting to be sent',
  'needs-login': 'waiting for you to log in',
  refused: 'not logged',
};

export function QuickLog({ timeZone, kinds }: Props) {
  const [form, setForm] = useState<FormState>(EMPTY);
  const [editing, setEditing] = useState<QueuedEntry | undefined>();
  const [items, setItems] = useState<QueuedEntry[]>([]);
  const [online, setOnline] = useState(true);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | undefined>();
  const retry = useRef<{ timer?: ReturnType<typeof setTimeout>; step: number }>({ step: 0 });
  const titleInput = useRef<HTMLInputElement>(null);

  const reload = useCallback(() => {
    queuedEntries().then(setItems, () => setMessage({ ok: false, text: 'This browser cannot store entries offline (IndexedDB is unavailable).' }));
  }, []);

  const send = useCallback(async () => {
    clearTimeout(retry.current.timer);
    if (!navigator.onLine) return;
    const result = await sendQueue();
    if (result.sent.length > 0) {
      setMessage({ ok: true, text: `Logged ${result.sent.map((s) => `“${s.title}”`).join(', ')}.` });
    } else if (result.needsLogin) {
      setMessage({ ok: false, text: 'Not sent: your session has expired. It waits above until you log in.' });
    } else if (result.retryLater) {
      setMessage({ ok: false, text: 'Not sent yet: no answer from the server. It waits above and is tried again shortly.' });
    } else if (result.refused > 0) {
      setMessage({ ok: false, text: 'Not logged: the server refused it. The reason is above; edit it and send again.' });
    }
    if (result.retryLater && navigator.onLine) {
      // No answer (or the server is busy): the same request, same key, a little later.
      const wait = RETRY_MS[Math.min(retry.current.step++, RETRY_MS.length - 1)];
      retry.current.timer = setTimeout(() => void send(), wait);
    } else if (!result.retryLater) {
      retry.current.step = 0;
    }
  }, []);

  useEffect(() => {
    // A share (Web Share Target) arrives as ?title=&text=&url=: fill the form once, then drop the
    // query so that a reload does not fill it again.
    const params = new URLSearchParams(window.location.search);
    if (params.toString() !== '') {
      const shared = sharedItem(params);
      if (shared.title || shared.url) setForm((f) => ({ ...f, title: shared.title || f.title, url: shared.url || f.url }));
      window.history.replaceState(window.history.state, '', QUICK_LOG_PATH);
    }
    if ('serviceWorker' in navigator) {
      navigator.serviceWorker.register('/sw.js', { scope: '/' }).catch(() => {
        // No service worker (private mode, plain http on a LAN address): the page still works online.
      });
    }
    setOnline(navigator.onLine);
    reload();
    void send(); // at each start: whatever waited since last time
    const goOnline = () => {
      setOnline(true);
      void send();
    };
    const goOffline = () => setOnline(false);
    const onVisible = () => document.visibilityState === 'visible' && void send();
    window.addEventListener('online', goOnline);
    window.addEventListener('offline', goOffline);
    document.addEventListener('visibilitychange', onVisible);
    const unsubscribe = onQueueChange(reload);
    const pending = retry.current;
    return () => {
      window.removeEventListener('online', goOnline);
      window.removeEventListener('offline', goOffline);
      document.removeEventListener('visibilitychange', onVisible);
      unsubscribe();
      clearTimeout(pending.timer);
    };
  }, [reload, send]);

  const set = (name: keyof FormState) => (event: React.ChangeEvent<HTMLInputElement | HTMLSelectElement>) =>
    setForm((f) => ({ ...f, [name]: event.target.value }));

  const pick = (result: LookupResult) =>
    setForm((f) => ({ ...f, title: result.title, creator: result.creator ?? '', url: result.url ?? f.url, coverUrl: result.coverUrl ?? '' }));

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    const entry: QuickEntry = {
      kind: form.kind,
      title: form.title,
      rating: form.rating ? Number(form.rating) : undefined,
      review: form.review,
      url: form.url,
      creator: form.creator,
      coverUrl: form.coverUrl,
      // An edit keeps the day it was first logged (an empty day tells updateQueued to keep it).
      finishedOn: editing ? '' : todayIn(timeZone),
    };
    try {
      if (editing) await updateQueued(editing.key, entry);
      else await enqueue(entry);
    } catch {
      setMessage({ ok: false, text: 'Could not save on this device (storage full or blocked). Nothing was logged.' });
      return;
    }
    setForm(EMPTY);
    setEditing(undefined);
    if (navigator.onLine) {
      setMessage({ ok: true, text: `Sending “${entry.title.trim()}”…` });
      await send();
    } else {
      setMessage({ ok: true, text: `Saved on this phone: “${entry.title.trim()}” is sent when you are back online.` });
    }
  }

  function edit(item: QueuedEntry) {
    setEditing(item);
    setForm(formOf(item.entry));
    setMessage(undefined);
    titleInput.current?.focus();
  }

  async function resend(item: QueuedEntry) {
    await updateQueued(item.key, item.entry);
    await send();
  }

  const needsLogin = items.some((item) => item.state === 'needs-login');
  const fieldError = (name: string) => editing?.fields?.[name];

  return (
    <>
      {items.length > 0 && (
        <section aria-labelledby="queue-heading" className={`${styles.card} ${styles.queue}`} data-testid="queue">
          <h2 id="queue-heading">Waiting to be sent ({items.length})</h2>
          {needsLogin && (
            <p className={styles.login} role="alert">
              Your session has expired. <a href={loginUrl(QUICK_LOG_PATH)}>Log in to send them</a>: they stay here until then.
            </p>
          )}
          <ul>
            {items.map((item) => (
              <li key={item.key} data-queue-key={item.key}>
                <strong>{item.entry.title}</strong> <span className="muted">{kinds.find((k) => k.kind === item.entry.kind)?.icon} {item.entry.finishedOn}</span>
                <span className={`${styles.itemState} ${item.state === 'refused' ? styles.refused : ''}`}>
                  {STATE_TEXT[item.state]}
                  {item.reason && item.state !== 'needs-login' ? `: ${item.reason}` : ''}
                  {item.fields && Object.keys(item.fields).length > 0 && ` (${Object.values(item.fields).join('; ')})`}
                </span>
                <span className={styles.actions}>
                  <button type="button" className={styles.secondary} onClick={() => edit(item)} aria-label={`Edit “${item.entry.title}”`}>
                    Edit
                  </button>
                  {item.state === 'refused' && (
                    <button type="button" className={styles.secondary} onClick={() => void resend(item)} aria-label={`Send “${item.entry.title}” again`}>
                      Send again
                    </button>
                  )}
                  <button type="button" className={styles.danger} onClick={() => void removeQueued(item.key)} aria-label={`Remove “${item.entry.title}”`}>
                    Remove
                  </button>
                </span>
              </li>
            ))}
          </ul>
        </section>
      )}

      <section aria-labelledby="quick-heading" className={styles.card}>
        <h1 id="quick-heading">{editing ? `Edit “${editing.entry.title}”` : 'Quick log'}</h1>
        <p className={`${styles.status} ${online ? '' : styles.offline}`} role="status" data-testid="connection">
          {online ? 'Online: entries are sent at once.' : 'Offline: entries are kept on this device and sent when you are back online.'}
        </p>
        <form className={styles.form} onSubmit={(e) => void submit(e)}>
          <fieldset className={styles.field}>
            <legend>Kind</legend>
            <div className={styles.kinds}>
              {kinds.map(({ kind, label, icon }) => (
                <label key={kind} className={styles.kind}>
                  <input type="radio" name="kind" value={kind} checked={form.kind === kind} onChange={set('kind')} />
                  <span>
                    <span aria-hidden="true">{icon}</span> {label}
                  </span>
                </label>
              ))}
            </div>
          </fieldset>
          <div className={styles.field}>
            <label htmlFor="quick-title">Title</label>
            <input
              id="quick-title"
              ref={titleInput}
              required
              maxLength={300}
              autoComplete="off"
              value={form.title}
              onChange={set('title')}
              aria-invalid={fieldError('title') ? true : undefined}
            />
            {fieldError('title') && <p className={styles.error}>{fieldError('title')}</p>}
            <TitleLookup kind={form.kind} query={form.title} online={online} onPick={pick} />
          </div>
          <div className={styles.field}>
            <label htmlFor="quick-rating">Rating</label>
            <select id="quick-rating" value={form.rating} onChange={set('rating')} aria-invalid={fieldError('rating') ? true : undefined}>
              <option value="">No rating</option>
              {RATINGS.map((r) => (
                <option key={r} value={r}>
                  {r} ★
                </option>
              ))}
            </select>
            {fieldError('rating') && <p className={styles.error}>{fieldError('rating')}</p>}
          </div>
          <div className={styles.field}>
            <label htmlFor="quick-review">A line of review</label>
            <input id="quick-review" maxLength={2000} value={form.review} onChange={set('review')} aria-invalid={fieldError('review') ? true : undefined} />
            {fieldError('review') && <p className={styles.error}>{fieldError('review')}</p>}
          </div>
          <div className={styles.field}>
            <label htmlFor="quick-url">Link</label>
            <input id="quick-url" type="url" inputMode="url" value={form.url} onChange={set('url')} aria-invalid={fieldError('url') ? true : undefined} />
            {fieldError('url') && <p className={styles.error}>{fieldError('url')}</p>}
          </div>
          <div className={styles.actions}>
            <button type="submit" className={styles.submit}>
              {editing ? 'Save and send' : 'Log it'}
            </button>
            {editing && (
              <button
                type="button"
                className={styles.secondary}
                onClick={() => {
                  setEditing(undefined);
                  setForm(EMPTY);
                }}
              >
                Cancel
              </button>
            )}
          </div>
          {message && (
            <p className={message.ok ? styles.ok : styles.error} role="status" data-testid="quick-message">
              {message.text}
            </p>
          )}
        </form>
      </section>
    </>
  );
}
