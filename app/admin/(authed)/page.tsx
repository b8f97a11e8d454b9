import type { Metadata } from 'next';
import Link from 'next/link';
import { connection } from 'next/server';
import { configuredChannels } from '@/lib/announce/channels/from-env';
import { requireAdmin } from '@/lib/auth';
import { LiveRefresh } from '@/lib/live/LiveRefresh';
import { formatDay } from '@/lib/media/dates';
import { emptyFormValues } from '@/lib/media/form-values';
import { KIND_INFO } from '@/lib/media/kinds';
import { allEntries } from '@/lib/media/selectors';
import { readyMediaStore } from '@/lib/media/store';
import { ownerToday } from '@/lib/media/today';
import { logEntryAction, removeEntryAction, restoreEntryAction } from './actions';
import { AnnouncementStatus } from './AnnouncementStatus';
import { EntryForm } from './EntryForm';
import { RowActions } from './RowActions';
import styles from './admin.module.css';

export const metadata: Metadata = { title: 'Entries' };

export default async function AdminEntriesPage() {
  await connection();
  await requireAdmin();
  const store = await readyMediaStore();
  const entries = allEntries(store.snapshot());
  return (
    <>
      <section aria-labelledby="log-heading" className={styles.card}>
        <h1 id="log-heading">Log something you finished</h1>
        <EntryForm action={logEntryAction} initial={{ status: 'idle', fields: {}, values: emptyFormValues(ownerToday()) }} submitLabel="Log it" channels={configuredChannels()} />
      </section>

      <section aria-labelledby="entries-heading">
        <h2 id="entries-heading">Entries ({entries.length})</h2>
        {entries.length === 0 ? (
          <p className="muted">Nothing logged yet. What did you finish last?</p>
        ) : (
          <ul className={styles.entries} data-testid="admin-entries">
            {entries.map((entry) => (
              <li key={entry.id} className={entry.removed ? styles.removed : undefined} data-entry-id={entry.id}>
                <div className={styles.entryMain}>
                  <strong className={styles.entryTitle}>{entry.title}</strong>
                  <span className="muted">
                    {' '}
                    {KIND_INFO[entry.kind].icon} {KIND_INFO[entry.kind].label} · {formatDay(entry.finishedOn)}
                    {entry.rating !== undefined && ` · ${entry.rating}★`}
                  </span>
                  <span className={styles.badges}>
                    {entry.visibility === 'private' && <span className={styles.badge}>private</span>}
                    {entry.removed && <span className={`${styles.badge} ${styles.badgeDanger}`}>removed</span>}
                  </span>
                  <AnnouncementStatus entry={entry} />
                </div>
                <RowActions
                  entryId={entry.id}
                  title={entry.title}
                  removed={entry.removed}
                  remove={removeEntryAction.bind(null, entry.id)}
                  restore={restoreEntryAction.bind(null, entry.id)}
                />
              </li>
            ))}
          </ul>
        )}
        <p className="muted">
          Visitors see public entries on the <Link href="/about">About page</Link>. Every change is kept in the{' '}
          <Link href="/admin/history">history</Link>.
        </p>
      </section>
      {/* Entries logged elsewhere (the phone, the API) appear without a reload. */}
      <LiveRefresh stream="media" since={store.version()} />
    </>
  );
}
