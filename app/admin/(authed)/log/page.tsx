import type { Metadata } from 'next';
import Link from 'next/link';
import { connection } from 'next/server';
import { requireAdmin } from '@/lib/auth';
import { LiveRefresh } from '@/lib/live/LiveRefresh';
import { formatDay } from '@/lib/media/dates';
import { KIND_INFO, KINDS } from '@/lib/media/kinds';
import { STATUS_LABELS } from '@/lib/media/public-entry';
import { allEntries } from '@/lib/media/selectors';
import { readyMediaStore } from '@/lib/media/store';
import { QuickLog } from './QuickLog';
import styles from './quick-log.module.css';

export const metadata: Metadata = {
  title: 'Quick log',
  // iOS reads these instead of the manifest's icons and display mode.
  appleWebApp: { capable: true, title: 'Shelf', statusBarStyle: 'default' },
  icons: { apple: '/icons/apple-touch-icon.png' },
};

const RECENT = 10;

// The phone's page (the installed app starts here): the few fields that matter, and a queue that
// keeps what is logged offline until it is sent. The service worker (public/sw.js) keeps a copy
// of this page, so it opens without a connection; everything after that happens in the browser.
export default async function QuickLogPage() {
  await connection();
  await requireAdmin();
  const store = await readyMediaStore();
  const recent = allEntries(store.snapshot())
    .filter((entry) => !entry.removed)
    .slice(0, RECENT);
  // The owner's zone as the server resolves it (TZ), so a queued entry's day is the owner's day.
  const timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const kinds = KINDS.map((kind) => ({ kind, label: KIND_INFO[kind].label, icon: KIND_INFO[kind].icon }));
  return (
    <div className={styles.page}>
      <QuickLog timeZone={timeZone} kinds={kinds} />
      <section aria-labelledby="recent-heading" className={styles.recent}>
        <h2 id="recent-heading">Recently logged</h2>
        {recent.length === 0 ? (
          <p className="muted">Nothing logged yet.</p>
        ) : (
          <ul data-testid="recent-entries">
            {recent.map((entry) => (
              <li key={entry.id}>
                <span aria-hidden="true">{KIND_INFO[entry.kind].icon}</span> <strong>{entry.title}</strong>{' '}
                <span className="muted">
                  {entry.finishedOn ? formatDay(entry.finishedOn) : STATUS_LABELS[entry.status].toLowerCase()}
                  {entry.rating !== undefined && ` · ${entry.rating}★`}
                </span>
              </li>
            ))}
          </ul>
        )}
        <p className="muted">
          All entries, with every field, are on the <Link href="/admin">Entries</Link> page.
        </p>
      </section>
      <LiveRefresh stream="media" since={store.version()} />
    </div>
  );
}
