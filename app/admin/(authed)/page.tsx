import type { Metadata } from 'next';
import Link from 'next/link';
import { connection } from 'next/server';
import { configuredChannels } from '@/lib/announce/channels/from-env';
import { requireAdmin } from '@/lib/auth';
import { LiveRefresh } from '@/lib/live/LiveRefresh';
import { formatDay } from '@/lib/media/dates';
import { emptyFormValues } from '@/lib/media/form-values';
import { KIND_INFO } from '@/lib/media/kinds';
import { LOGGED_BY_LABELS } from '@/lib/media/logged-by';
import { STATUS_LABELS } from '@/lib/media/public-entry';
import { MAX_QUERY_LENGTH, matchesFilter, tagCounts } from '@/lib/media/search';
import { allEntries } from '@/lib/media/selectors';
import { readyMediaStore } from '@/lib/media/store';
import { ownerToday } from '@/lib/media/today';
import { CoverImage } from '@/lib/ui/CoverImage';
import { changeStatusAction, logEntryAction, removeEntryAction, restoreEntryAction } from './actions';
import { AnnouncementStatus } from './AnnouncementStatus';
import { EntryForm } from './EntryForm';
import { RowActions } from './RowActions';
import { StatusActions } from './StatusActions';
import styles from './admin.module.css';

export const metadata: Metadata = { title: 'Entries' };

/** Entries per page of the admin list. */
const ADMIN_PAGE_SIZE = 50;

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const listHref = (q: string, page: number) => {
  const params = new URLSearchParams();
  if (q) params.set('q', q);
  if (page > 1) params.set('page', String(page));
  const search = params.toString();
  return search ? `/admin?${search}` : '/admin';
};

export default async function AdminEntriesPage({ searchParams }: { searchParams: SearchParams }) {
  await connection();
  await requireAdmin();
  const params = await searchParams;
  const q = typeof params.q === 'string' ? params.q.trim().slice(0, MAX_QUERY_LENGTH) : '';
  const pageParam = typeof params.page === 'string' ? Number(params.page) : 1;
  const store = await readyMediaStore();
  const state = store.snapshot();
  const everything = allEntries(state);
  const matching = q ? everything.filter((e) => matchesFilter(e, { q })) : everything;
  const pages = Math.max(1, Math.ceil(matching.length / ADMIN_PAGE_SIZE));
  const page = Number.isInteger(pageParam) && pageParam >= 1 ? Math.min(pageParam, pages) : 1;
  const entries = matching.slice((page - 1) * ADMIN_PAGE_SIZE, page * ADMIN_PAGE_SIZE);
  const suggestions = tagCounts(state.entries.values()).map((t) => t.tag);
  return (
    <>
      <section aria-labelledby="log-heading" className={styles.card}>
        <h1 id="log-heading">Log something you finished</h1>
        <EntryForm
          action={logEntryAction}
          initial={{ status: 'idle', fields: {}, values: emptyFormValues(ownerToday()) }}
          submitLabel="Log it"
          channels={configuredChannels()}
          tagSuggestions={suggestions}
        />
      </section>

      <section aria-labelledby="entries-heading">
        <h2 id="entries-heading">Entries ({q ? `${matching.length} of ${everything.length}` : everything.length})</h2>
        <form method="get" action="/admin" role="search" className={styles.search}>
          <input name="q" type="search" defaultValue={q} maxLength={MAX_QUERY_LENGTH} placeholder="Search title, creator, review, tags" aria-label="Search entries" />
          <button type="submit">Search</button>
          {q && <Link href="/admin">Clear</Link>}
        </form>
        {entries.length === 0 ? (
          <p className="muted">{q ? 'Nothing matches.' : 'Nothing logged yet. What did you finish last?'}</p>
        ) : (
          <ul className={styles.entries} data-testid="admin-entries">
            {entries.map((entry) => (
              <li key={entry.id} className={entry.removed ? styles.removed : undefined} data-entry-id={entry.id} data-status={entry.status}>
                <div className={styles.entryRow}>
                  <span className={styles.thumb} aria-hidden="true">
                    {entry.coverUrl ? <CoverImage src={entry.coverUrl} alt="" icon={KIND_INFO[entry.kind].icon} /> : KIND_INFO[entry.kind].icon}
                  </span>
                  <div className={styles.entryMain}>
                    <strong className={styles.entryTitle}>{entry.title}</strong>
                    <span className="muted">
                      {' '}
                      {/* What is known, nothing more: an entry in progress with no start date says nothing of one (never "not started"). */}
                      {[
                        `${KIND_INFO[entry.kind].icon} ${KIND_INFO[entry.kind].label}`,
                        entry.finishedOn ? formatDay(entry.finishedOn) : entry.startedOn ? `since ${formatDay(entry.startedOn)}` : undefined,
                        entry.status === 'in-progress' ? entry.progressNote : undefined,
                        entry.status === 'in-progress' && entry.progress !== undefined ? `${entry.progress}%` : undefined,
                        entry.rating !== undefined ? `${entry.rating}★` : undefined,
                      ]
                        .filter(Boolean)
                        .join(' · ')}
                    </span>
                    <span className={styles.badges}>
                      {entry.status !== 'finished' && <span className={styles.badge}>{STATUS_LABELS[entry.status].toLowerCase()}</span>}
                      {entry.visibility === 'private' && <span className={styles.badge}>private</span>}
                      {entry.loggedBy && <span className={styles.badge}>by {LOGGED_BY_LABELS[entry.loggedBy]}</span>}
                      {entry.removed && <span className={`${styles.badge} ${styles.badgeDanger}`}>removed</span>}
                      {(entry.tags ?? []).map((tag) => (
                        <span key={tag} className={styles.badge}>
                          #{tag}
                        </span>
                      ))}
                    </span>
                    <AnnouncementStatus entry={entry} />
                  </div>
                </div>
                {!entry.removed && <StatusActions title={entry.title} status={entry.status} change={changeStatusAction.bind(null, entry.id)} />}
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
        {pages > 1 && (
          <nav aria-label="Pages" className={styles.pager}>
            {page > 1 ? <a href={listHref(q, page - 1)}>← Newer</a> : <span />}
            <span className="muted" data-testid="admin-page">
              Page {page} of {pages}
            </span>
            {page < pages ? <a href={listHref(q, page + 1)}>Older →</a> : <span />}
          </nav>
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
