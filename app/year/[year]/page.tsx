import type { Metadata } from 'next';
import { headers } from 'next/headers';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { connection } from 'next/server';
import { pageOrigin } from '@/lib/http/page-origin';
import { LiveRefresh } from '@/lib/live/LiveRefresh';
import { daysLabel } from '@/lib/media/dates';
import { countLabel, KIND_INFO, KINDS } from '@/lib/media/kinds';
import type { Entry } from '@/lib/media/projection';
import { readyMediaStore } from '@/lib/media/store';
import { readSettings } from '@/lib/settings/store';
import { ownerToday } from '@/lib/media/today';
import { isYear, yearReview } from '@/lib/media/year-review';
import { publicOriginOf } from '@/lib/http/public-origin';
import { EntryData, entryClass, WorkCite } from '@/lib/ui/microformats';
import { MonthChart } from '@/lib/ui/MonthChart';
import { Stars } from '@/lib/ui/Stars';
import styles from './year.module.css';

type Params = Promise<{ year: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { year } = await params;
  if (!isYear(year)) return { title: 'Not found' };
  return { title: `${year} in review`, alternates: { canonical: `${await pageOrigin()}/year/${year}` } };
}

/** An entry named in the review: a link to its page, and an h-entry for readers. */
const EntryLink = ({ entry, origin }: { entry: Entry; origin: string }) => (
  <span className={entryClass(entry)}>
    <EntryData entry={entry} origin={origin} />
    <WorkCite entry={entry} />
    <a href={`/entries/${encodeURIComponent(entry.id)}`}>
      {entry.title}
      {entry.creator ? ` (${entry.creator})` : ''}
    </a>
  </span>
);

/** The year in review: totals, a per-month chart, ratings and times to finish. An invalid year is a 404. */
export default async function YearPage({ params }: { params: Params }) {
  await connection();
  const { year } = await params;
  if (!isYear(year)) notFound();
  const store = await readyMediaStore();
  const review = yearReview(store.snapshot(), year);
  const settings = await readSettings();
  const ownerName = settings.ownerName || settings.siteTitle;
  const thisYear = ownerToday().slice(0, 4);
  const previous = String(Number(year) - 1);
  const next = String(Number(year) + 1);
  const origin = publicOriginOf(await headers());

  return (
    <main className="page">
      <LiveRefresh stream="media" since={store.version()} />
      <p>
        <Link href="/about">← {ownerName}</Link>
      </p>
      <h1>{year} in review</h1>
      {review.total === 0 ? (
        <div className={styles.empty} data-testid="year-empty">
          <p>Nothing finished in {year}{year > thisYear ? ' (yet: it has not started)' : year === thisYear ? ' yet: check back soon' : ''}.</p>
        </div>
      ) : (
        <>
          <p className={styles.lead} data-testid="year-total">
            {review.total} finished: {KINDS.filter((k) => review.byKind[k] > 0).map((k) => countLabel(k, review.byKind[k])).join(', ')}
          </p>
          <ul className={styles.kinds} aria-label="Per kind">
            {KINDS.filter((k) => review.byKind[k] > 0).map((k) => (
              <li key={k} data-kind={k}>
                <span aria-hidden="true">{KIND_INFO[k].icon}</span> <strong data-testid={`year-kind-${k}`}>{review.byKind[k]}</strong>{' '}
                {review.byKind[k] === 1 ? KIND_INFO[k].label.toLowerCase() : KIND_INFO[k].plural}
              </li>
            ))}
          </ul>
          <h2>Month by month</h2>
          <MonthChart counts={review.byMonth} label={`Entries finished per month in ${year}: ${review.byMonth.join(', ')}`} />
          <dl className={styles.facts}>
            {review.averageRating !== undefined && (
              <div>
                <dt>Average rating</dt>
                <dd data-testid="year-average">
                  {review.averageRating.toFixed(1)} of 5 <span className="muted">({review.rated} rated)</span>
                </dd>
              </div>
            )}
            {review.highestRated.length > 0 && (
              <div>
                <dt>Highest rated</dt>
                <dd data-testid="year-highest">
                  <Stars rating={review.highestRated[0]!.rating!} />{' '}
                  {review.highestRated.map((e, i) => (
                    <span key={e.id}>
                      {i > 0 && ', '}
                      <EntryLink entry={e} origin={origin} />
                    </span>
                  ))}
                </dd>
              </div>
            )}
            {review.longest && (
              <div>
                <dt>Longest to finish</dt>
                <dd data-testid="year-longest">
                  <EntryLink entry={review.longest.entry} origin={origin} />: {daysLabel(review.longest.days)}
                </dd>
              </div>
            )}
            {review.shortest && review.shortest.entry !== review.longest?.entry && (
              <div>
                <dt>Quickest to finish</dt>
                <dd data-testid="year-shortest">
                  <EntryLink entry={review.shortest.entry} origin={origin} />: {daysLabel(review.shortest.days)}
                </dd>
              </div>
            )}
          </dl>
          <p>
            <a href={`/about?year=${year}`}>Everything finished in {year} →</a>
          </p>
        </>
      )}
      <nav aria-label="Other years" className={styles.years}>
        <a href={`/year/${previous}`} rel="prev">← {previous}</a>
        {year < thisYear && <a href={`/year/${next}`} rel="next">{next} →</a>}
      </nav>
    </main>
  );
}
