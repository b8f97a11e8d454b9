import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { connection } from 'next/server';
import { requireAdmin } from '@/lib/auth';
import { formatEventTime } from '@/lib/history/format-time';
import { parseSeq, pastView } from '@/lib/history/time-travel';
import { publicFeed } from '@/lib/media/selectors';
import { readyMediaStore } from '@/lib/media/store';
import { FeedItem } from '@/lib/ui/FeedItem';
import feedStyles from '@/lib/ui/feed.module.css';
import styles from '../../history.module.css';

export const metadata: Metadata = { title: 'The shelf in the past' };

/** The About feed as it was right after one event: a past state, stepped one event at a time. */
export default async function AsOfPage({ params }: { params: Promise<{ seq: string }> }) {
  await requireAdmin();
  await connection();
  const store = await readyMediaStore();
  const seq = parseSeq((await params).seq, store.version());
  if (seq === undefined) notFound();
  const view = await pastView(store, seq);
  const entries = publicFeed(view.state);
  const step = (to: number) => `/admin/history/as-of/${to}`;

  return (
    <section aria-labelledby="past-heading">
      <p className={styles.banner} role="note" data-testid="past-banner">
        {view.event ? (
          <>
            You are looking at the shelf as of event #{seq}, <time dateTime={view.event.at}>{formatEventTime(view.event.at)}</time>
          </>
        ) : (
          <>You are looking at the shelf before anything was recorded</>
        )}{' '}
        — <Link href="/admin/history">back to now</Link>
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
          Event #{seq} <span className="muted">({view.event.type})</span>: {view.text}
        </p>
      )}

      <div className={styles.past}>
        <h2 id="past-heading">Recently finished, as it was then</h2>
        {entries.length > 0 ? (
          <ol className={feedStyles.list} data-testid="past-feed">
            {entries.map((entry) => (
              <li key={entry.id}>
                <FeedItem entry={entry} />
              </li>
            ))}
          </ol>
        ) : (
          <p className="muted" data-testid="past-feed-empty">
            Nothing was on the public shelf yet.
          </p>
        )}
      </div>
    </section>
  );
}
