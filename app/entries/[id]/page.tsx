import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { connection } from 'next/server';
import { siteConfig } from '@/lib/config/site';
import { pageOrigin } from '@/lib/http/page-origin';
import { LiveRefresh } from '@/lib/live/LiveRefresh';
import { Markdown } from '@/lib/markdown/Markdown';
import { daysLabel, daysToFinish, formatDay } from '@/lib/media/dates';
import { KIND_INFO } from '@/lib/media/kinds';
import { STATUS_LABELS, visibleEntry } from '@/lib/media/public-entry';
import { readyMediaStore } from '@/lib/media/store';
import { Stars } from '@/lib/ui/Stars';
import styles from './entry.module.css';

type Params = Promise<{ id: string }>;

async function load(params: Params) {
  const { id } = await params;
  return visibleEntry((await readyMediaStore()).snapshot(), id);
}

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  await connection();
  const entry = await load(params);
  if (!entry) return { title: 'Not found' };
  return {
    title: entry.creator ? `${entry.title} by ${entry.creator}` : entry.title,
    description: `${KIND_INFO[entry.kind].label} on ${siteConfig().ownerName}'s shelf`,
    alternates: { canonical: `${await pageOrigin()}/entries/${encodeURIComponent(entry.id)}` },
  };
}

/** One public entry with its review (Markdown, sanitised). Private, removed and unknown ids are a 404. */
export default async function EntryPage({ params }: { params: Params }) {
  await connection(); // rendered from the live snapshot (and kept per version by the render cache)
  const store = await readyMediaStore();
  const entry = await load(params);
  if (!entry) notFound();
  const kind = KIND_INFO[entry.kind];
  const days = daysToFinish(entry);

  return (
    <main className="page">
      <LiveRefresh stream="media" since={store.version()} />
      <p className={styles.back}>
        <Link href={`/about#entry-${encodeURIComponent(entry.id)}`}>← {siteConfig().ownerName}</Link>
      </p>
      <article className={styles.entry} data-testid="entry" data-status={entry.status}>
        <div className={styles.cover} aria-hidden={entry.coverUrl ? undefined : true}>
          {entry.coverUrl ? (
            // eslint-disable-next-line @next/next/no-img-element
            <img src={entry.coverUrl} alt={`Cover of ${entry.title}`} referrerPolicy="no-referrer" />
          ) : (
            <span className={styles.placeholder}>{kind.icon}</span>
          )}
        </div>
        <div className={styles.body}>
          <p className={styles.kind}>
            <span aria-hidden="true">{kind.icon}</span> {kind.label} · <span data-testid="entry-status">{STATUS_LABELS[entry.status]}</span>
          </p>
          <h1 className={styles.title}>{entry.url ? <a href={entry.url} rel="noopener">{entry.title}</a> : entry.title}</h1>
          {entry.creator && <p className={styles.creator}>{entry.creator}</p>}
          {entry.rating !== undefined && (
            <p>
              <Stars rating={entry.rating} />
            </p>
          )}
          <dl className={styles.facts}>
            {entry.startedOn && (
              <>
                <dt>Started</dt>
                <dd><time dateTime={entry.startedOn}>{formatDay(entry.startedOn)}</time></dd>
              </>
            )}
            {entry.finishedOn && (
              <>
                <dt>Finished</dt>
                <dd><time dateTime={entry.finishedOn}>{formatDay(entry.finishedOn)}</time></dd>
              </>
            )}
            {days !== undefined && (
              <>
                <dt>Took</dt>
                <dd data-testid="days-to-finish">{daysLabel(days)}</dd>
              </>
            )}
            {entry.status === 'in-progress' && entry.progress !== undefined && (
              <>
                <dt>Progress</dt>
                <dd>{entry.progress}%</dd>
              </>
            )}
          </dl>
          {entry.tags && entry.tags.length > 0 && (
            <ul className={styles.tags} aria-label="Tags">
              {entry.tags.map((tag) => (
                <li key={tag}>
                  <a href={`/about?tag=${encodeURIComponent(tag)}`}>#{tag}</a>
                </li>
              ))}
            </ul>
          )}
        </div>
      </article>
      {entry.review && <Markdown text={entry.review} className={styles.review} />}
    </main>
  );
}
