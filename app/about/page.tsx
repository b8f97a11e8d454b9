import type { Metadata } from 'next';
import Link from 'next/link';
import { connection } from 'next/server';
import { KIND_INFO, KINDS, isKind } from '@/lib/media/kinds';
import { feedPage } from '@/lib/media/feed-page';
import { yearSummary } from '@/lib/media/selectors';
import { ownerToday } from '@/lib/media/today';
import { readyMediaStore } from '@/lib/media/store';
import { LiveRefresh } from '@/lib/live/LiveRefresh';
import { EntryPermalink } from '@/lib/ui/EntryPermalink';
import { FeedList } from '@/lib/ui/FeedList';
import { readSettings } from '@/lib/settings/store';
import { OwnerIntro } from '@/lib/ui/OwnerIntro';
import styles from './about.module.css';

export async function generateMetadata(): Promise<Metadata> {
  const { ownerName, bio, siteTitle } = await readSettings();
  return {
    // With no name set, the site's title alone (never "About My shelf").
    title: { absolute: ownerName ? `About ${ownerName} · ${siteTitle}` : siteTitle },
    description: bio,
    alternates: {
      types: { 'application/atom+xml': '/feed.xml', 'application/feed+json': '/feed.json' },
    },
  };
}

/** The About page's URL for a kind filter and a page cursor (the entry the page starts at). */
function aboutHref(kind: string | undefined, from?: string): string {
  const query = new URLSearchParams();
  if (kind) query.set('kind', kind);
  if (from) query.set('from', from);
  const search = query.toString();
  return search ? `/about?${search}` : '/about';
}

type SearchParams = Promise<{ kind?: string | string[]; from?: string | string[] }>;

export default async function AboutPage({ searchParams }: { searchParams: SearchParams }) {
  await connection(); // rendered per request from the live snapshot, never at build time
  const { kind: kindParam, from: fromParam } = await searchParams;
  const kind = typeof kindParam === 'string' && isKind(kindParam) ? kindParam : undefined;
  const from = typeof fromParam === 'string' ? fromParam : undefined;
  const store = await readyMediaStore();
  const state = store.snapshot();
  const settings = await readSettings();
  const page = feedPage(state, { kinds: kind ? [kind] : undefined, from });
  const { entries } = page;
  const year = ownerToday().slice(0, 4);
  const summary = yearSummary(state, year);
  const total = state.feed.length;

  return (
    <main className="page">
      <LiveRefresh stream="media" since={store.version()} />
      <EntryPermalink from={from} />
      <OwnerIntro settings={settings} />

      <section aria-labelledby="finished-heading">
        <div className={styles.feedHeader}>
          <h2 id="finished-heading">Recently finished</h2>
          {summary && <p className={styles.summary} data-testid="year-summary">{summary}</p>}
        </div>

        {total > 0 && (
          <nav aria-label="Filter by kind" className={styles.filters}>
            <span className={styles.filtersLabel}>All time:</span>
            <Link href="/about" aria-current={kind ? undefined : 'page'} className={styles.filter}>
              All <span className={styles.count}>{total}</span>
            </Link>
            {KINDS.filter((k) => state.counts.byKind[k] > 0 || k === kind).map((k) => (
              <Link key={k} href={`/about?kind=${k}`} aria-current={k === kind ? 'page' : undefined} className={styles.filter}>
                <span aria-hidden="true">{KIND_INFO[k].icon}</span> {KIND_INFO[k].plural[0]!.toUpperCase() + KIND_INFO[k].plural.slice(1)}{' '}
                <span className={styles.count}>{state.counts.byKind[k]}</span>
              </Link>
            ))}
          </nav>
        )}

        {entries.length > 0 ? (
          <>
            <FeedList entries={entries} testId="feed" />
            {(page.newer || page.older) && (
              // Plain links, not client navigations: each page is a document the render cache serves.
              <nav aria-label="Pages" className={styles.pager}>
                {page.newer && (
                  <a href={aboutHref(kind, page.newer.from)} rel="prev" className={styles.pageLink}>
                    ← Newer entries
                  </a>
                )}
                <span className={styles.position} data-testid="page-position">
                  {page.offset + 1}–{page.offset + entries.length} of {page.total}
                </span>
                {page.older && (
                  <a href={aboutHref(kind, page.older)} rel="next" className={styles.pageLink}>
                    Older entries →
                  </a>
                )}
              </nav>
            )}
          </>
        ) : (
          <div className={styles.empty} data-testid="empty-feed">
            {kind ? (
              <p>
                No {KIND_INFO[kind].plural} yet. <Link href="/about">See everything</Link>.
              </p>
            ) : (
              <>
                <p>Nothing finished yet.</p>
                <p className="muted">
                  If this is your site, log the first book, movie or game you finished in the <Link href="/admin">admin</Link>.
                </p>
              </>
            )}
          </div>
        )}
      </section>

      <footer className={styles.footer}>
        <a href="/feed.xml">Atom feed</a> · <a href="/feed.json">JSON feed</a>
      </footer>
    </main>
  );
}
