import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { connection } from 'next/server';
import { requireAdmin } from '@/lib/auth';
import { eventLabel } from '@/lib/history/event-labels';
import { formatEventTime } from '@/lib/history/format-time';
import { DEFAULT_HISTORY_SOURCE, findHistorySource, storeQuery } from '@/lib/history/sources';
import { hasPastView, PastState } from '@/lib/ui/history/PastState';
import { parseSeq, pastView } from '@/lib/history/time-travel';
import styles from '../../history.module.css';

export const metadata: Metadata = { title: 'The past' };

type Params = Record<string, string | string[] | undefined>;

/**
 * A store as it was right after one event, stepped one event at a time, rendered by the store's
 * history source (the About feed for media, the book for `?store=orderbook`).
 */
export default async function AsOfPage({ params, searchParams }: { params: Promise<{ seq: string }>; searchParams: Promise<Params> }) {
  await requireAdmin();
  await connection();
  const query = await searchParams;
  const name = typeof query.store === 'string' ? query.store : DEFAULT_HISTORY_SOURCE.name;
  const source = findHistorySource(name);
  const store = source && hasPastView(source.name) ? await source.open() : undefined;
  if (!source || !store) notFound();
  const seq = parseSeq((await params).seq, store.version());
  if (seq === undefined) notFound();
  const view = await pastView(store, seq, (event, before, after) => source.describe(event, before, after, after).text);
  const step = (to: number) => `/admin/history/as-of/${to}${storeQuery(name)}`;
  const what = source.title;
  const now = `/admin/history${storeQuery(name)}`;

  return (
    <section aria-labelledby="past-heading">
      <p className={styles.banner} role="note" data-testid="past-banner">
        {view.event ? (
          <>
            You are looking at {what} as of event #{seq},{' '}
            <time dateTime={view.event.at}>{formatEventTime(view.event.at)}</time>
          </>
        ) : (
          <>You are looking at {what} before anything was recorded</>
        )}{' '}
        — <Link href={now}>back to now</Link>
      </p>

      <nav aria-label="Step through history" className={styles.stepper}>
        {view.previous !== undefined && (
          <Link className="button" href={step(view.previous)} prefetch={false} rel="prev">
            ← Previous event
          </Link>
        )}
        {view.next !== undefined ? (
          <>
            <Link className="button" href={step(view.next)} prefetch={false} rel="next">
              Next event →
            </Link>
            <Link href={step(view.version)} prefetch={false}>
              Latest (#{view.version})
            </Link>
          </>
        ) : (
          <span className="muted">This is the latest event.</span>
        )}
      </nav>

      {view.event && (
        <p data-testid="past-event">
          Event #{seq} <span className="muted">({eventLabel(view.event)})</span>: {view.text}
        </p>
      )}

      <div className={styles.past}>
        <PastState store={source.name} state={view.state} />
      </div>
    </section>
  );
}
