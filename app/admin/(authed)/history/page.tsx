import type { Metadata } from 'next';
import Link from 'next/link';
import { connection } from 'next/server';
import { requireAdmin } from '@/lib/auth';
import { eventTypeLabel } from '@/lib/history/event-labels';
import { formatEventTime, ownerZoneName } from '@/lib/history/format-time';
import { loadHistoryPage, parseHistoryQuery } from '@/lib/history/log-page';
import { hasPastView } from '@/lib/ui/history/PastState';
import { DEFAULT_HISTORY_SOURCE, findHistorySource, HISTORY_SOURCES, storeQuery, type AnyStore, type HistorySource } from '@/lib/history/sources';
import { undoChangeAction } from './actions';
import { UndoButton } from './UndoButton';
import styles from './history.module.css';

export const metadata: Metadata = { title: 'History' };

type Params = Record<string, string | string[] | undefined>;

/** The history URL of a store, page and filter, leaving out what is the default. */
function historyHref(store: string, { before, type }: { before?: number; type?: string } = {}) {
  const query = new URLSearchParams();
  if (store !== DEFAULT_HISTORY_SOURCE.name) query.set('store', store);
  if (type) query.set('type', type);
  if (before !== undefined) query.set('before', String(before));
  const qs = query.toString();
  return qs ? `/admin/history?${qs}` : '/admin/history';
}

export default async function HistoryPage({ searchParams }: { searchParams: Promise<Params> }) {
  await requireAdmin();
  await connection();
  const params = await searchParams;
  const name = typeof params.store === 'string' ? params.store : DEFAULT_HISTORY_SOURCE.name;
  const source = findHistorySource(name);
  const store = source && (await source.open());

  return (
    <section aria-labelledby="history-heading">
      <div className={styles.header}>
        <h1 id="history-heading">History</h1>
        <Link href="/admin">← Entries</Link>
      </div>
      <p className="muted">
        Every change ever made, newest first. Nothing is lost: an undo is a new event, and any past state can be viewed.
        Times are in {ownerZoneName()} (the <code>TZ</code> setting).
      </p>

      <nav aria-label="Stores" className={styles.switcher}>
        {HISTORY_SOURCES.map((s) => (
          <Link key={s.name} href={historyHref(s.name)} className={styles.tab} aria-current={s.name === name ? 'page' : undefined}>
            {s.label}
          </Link>
        ))}
      </nav>

      {!source ? (
        <p className={styles.notice}>There is no store named “{name}”.</p>
      ) : !store ? (
        <p className={styles.notice} data-testid="store-missing">
          The {source.label.toLowerCase()} store is not running on this server, so it has no history to show.
        </p>
      ) : (
        <StoreHistory source={source} store={store} params={params} />
      )}
    </section>
  );
}

async function StoreHistory({ source, store, params }: { source: HistorySource; store: AnyStore; params: Params }) {
  const query = parseHistoryQuery(params, source.eventTypes);
  const page = await loadHistoryPage(source, store, query);
  const unknownType = typeof params.type === 'string' && params.type !== '' && !query.type;

  return (
    <>
      <p className={styles.exports}>
        Download: <a href={`/admin/export/log/${source.name}.jsonl`}>the whole log ({source.name}.jsonl)</a>
        {source.exports?.map((e) => (
          <span key={e.href}>
            {' · '}
            <a href={e.href}>{e.label}</a>
          </span>
        ))}
      </p>

      <form method="get" action="/admin/history" className={styles.toolbar}>
        {source.name !== DEFAULT_HISTORY_SOURCE.name && <input type="hidden" name="store" value={source.name} />}
        <label htmlFor="type">Event type</label>
        <select id="type" name="type" defaultValue={query.type ?? ''}>
          <option value="">All types</option>
          {source.eventTypes.map((t) => (
            <option key={t} value={t}>
              {eventTypeLabel(t)}
            </option>
          ))}
        </select>
        <button type="submit">Filter</button>
        <span className="muted">
          {page.version} event{page.version === 1 ? '' : 's'} in all
        </span>
      </form>

      {unknownType && <p className={styles.notice}>There is no event type “{String(params.type)}” here: showing all types.</p>}
      {page.approximate && <p className="muted">These events are far apart in the log: titles are shown as they are now.</p>}

      {page.rows.length === 0 ? (
        <p className={styles.notice}>{query.type ? `No “${eventTypeLabel(query.type).toLowerCase()}” events.` : 'Nothing has been recorded yet.'}</p>
      ) : (
        <ol className={styles.log} data-testid="history">
          {page.rows.map((row) => (
            <li key={row.seq} className={styles.row} data-seq={row.seq} data-type={row.type}>
              <span className={styles.seq}>#{row.seq}</span>
              <div className={styles.what}>
                <span data-testid="change">{row.text}</span>
                <span className={styles.meta}>
                  <time dateTime={row.at}>{formatEventTime(row.at)}</time> · <span className={styles.type}>{row.label}</span>
                </span>
              </div>
              <div className={styles.actions}>
                {hasPastView(source.name) && (
                  <Link href={`/admin/history/as-of/${row.seq}${storeQuery(source.name)}`} prefetch={false} aria-label={`View as of event #${row.seq}`}>
                    View as of here
                  </Link>
                )}
                {row.undoable && row.entryId && <UndoButton seq={row.seq} undo={undoChangeAction.bind(null, row.entryId, row.seq)} />}
              </div>
            </li>
          ))}
        </ol>
      )}

      <nav aria-label="Pages" className={styles.pager}>
        {page.newer !== undefined && (
          <Link href={historyHref(source.name, { type: query.type, before: page.newer === 'latest' ? undefined : page.newer })} rel="prev">
            ← Newer
          </Link>
        )}
        {page.older !== undefined && (
          <Link href={historyHref(source.name, { type: query.type, before: page.older })} rel="next">
            Older →
          </Link>
        )}
      </nav>
    </>
  );
}
