import type { Metadata } from 'next';
import Link from 'next/link';
import { headers } from 'next/headers';
import { connection } from 'next/server';
import { EndpointLinks } from '@/lib/indieweb/EndpointLinks';
import { publicOriginOf } from '@/lib/http/public-origin';
import { markdownLine } from '@/lib/markdown/render';
import { KIND_INFO, KINDS, isKind } from '@/lib/media/kinds';
import { feedPage } from '@/lib/media/feed-page';
import { nowEntries, yearSummary } from '@/lib/media/selectors';
import { parseFilter } from '@/lib/media/search';
import { NowSection } from '@/lib/ui/NowSection';
import { SearchForm } from './SearchForm';
import { ownerToday } from '@/lib/media/today';
import { readyMediaStore } from '@/lib/media/store';
import { LiveRefresh } from '@/lib/live/LiveRefresh';
import { EntryPermalink } from '@/lib/ui/EntryPermalink';
import { FeedList } from '@/lib/ui/FeedList';
import { readSettings } from '@/lib/settings/store';
import { pageOrigin } from '@/lib/http/page-origin';
import { OwnerIntro } from '@/lib/ui/OwnerIntro';
import styles from './about.module.css';

export async function generateMetadata({ searchParams }: { searchParams: SearchParams }): Promise<Metadata> {
  const { ownerName, bio, siteTitle } = await readSettings();
  const origin = await pageOrigin();
  const { filters, from } = aboutQuery(await searchParams);
  return {
    // With no name set, the site's title alone (never "About My shelf").
    title: { absolute: ownerName ? `About ${ownerName} · ${siteTitle}` : siteTitle },
    // The bio is Markdown: the description is its text.
    description: markdownLine(bio, 200),
    alternates: {
      canonical: origin + aboutHref(filters, from),
      types: { 'application/atom+xml': `${origin}/feed.xml`, 'application/feed+json': `${origin}/feed.json` },
    },
  };
}

interface AboutFilter {
  kind?: string;
  tag?: string;
  q?: string;
  year?: string;
}

/** The About page's URL for the filters in force and a page cursor (the entry the page starts at). */
function aboutHref({ kind, tag, q, year }: AboutFilter, from?: string): string {
  const query = new URLSearchParams();
  if (kind) query.set('kind', kind);
  if (tag) query.set('tag', tag);
  if (q) query.set('q', q);
  if (year) query.set('year', year);
  if (from) query.set('from', from);
  const search = query.toString();
  return search ? `/about?${search}` : '/about';
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** The filters and page cursor the query asks for (unknown or malformed values left out). */
function aboutQuery(params: Awaited<SearchParams>) {
  const get = (name: string) => (typeof params[name] === 'string' ? (params[name] as string) : undefined);
  const kindParam = get('kind');
  const kind = kindParam && isKind(kindParam) ? kindParam : undefined;
  const search = parseFilter(get);
  const filters: AboutFilter = { kind, ...search };
  return { kind, from: get('from'), search, filters };
}

export default async function AboutPage({ searchParams }: { searchParams: SearchParams }) {
  await connection(); // rendered per request from the live snapshot, never at build time
  const { kind, from, search, filters } = aboutQuery(await searchParams);
  const searching = Boolean(search.q || search.tag || search.year);
  const store = await readyMediaStore();
  const state = store.snapshot();
  const settings = await readSettings();
  const page = feedPage(state, { kinds: kind ? [kind] : undefined, from, ...search });
  const now = searching ? [] : nowEntries(state, { kinds: kind ? [kind] : undefined });
  const { entries } = page;
  const year = ownerToday().slice(0, 4);
  const summary = yearSummary(state, year);
  const total = state.feed.length;
  const origin = publicOriginOf(await headers());

  return (
    <main className="page h-feed">
      <LiveRefresh stream="media" since={store.version()} />
      <EndpointLinks origin={origin} />
      <data className="p-name" value={settings.ownerName ? `${settings.ownerName}: recently finished` : settings.siteTitle} />
      <data className="u-url" value={`${origin}/about`} />
      <EntryPermalink from={from} />
      <OwnerIntro settings={settings} origin={origin} className="p-author" />

      <NowSection entries={now} origin={origin} />

      <section aria-labelledby="finished-heading">
        <div className={styles.feedHeader}>
          <h2 id="finished-heading">Recently finished</h2>
          {summary && (
            <p className={styles.summary} data-testid="year-summary">
              <a href={`/year/${year}`}>{summary}</a>
            </p>
          )}
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

        {total > 0 && <SearchForm q={search.q} kind={kind} tag={search.tag} year={search.year} />}
        {searching && (
          <p className={styles.summary} data-testid="search-summary">
            {page.total} {page.total === 1 ? 'entry' : 'entries'}
            {search.q && <> matching “{search.q}”</>}
            {search.tag && <> tagged #{search.tag}</>}
            {search.year && <> finished in {search.year}</>} · <Link href={aboutHref({ kind })}>clear</Link>
          </p>
        )}

        {entries.length > 0 ? (
          <>
            <FeedList entries={entries} testId="feed" origin={origin} />
            {(page.newer || page.older) && (
              // Plain links, not client navigations: each page is a document the edge keeps.
              <nav aria-label="Pages" className={styles.pager}>
                {page.newer && (
                  <a href={aboutHref(filters, page.newer.from)} rel="prev" className={styles.pageLink}>
                    ← Newer entries
                  </a>
                )}
                <span className={styles.position} data-testid="page-position">
                  {page.offset + 1}–{page.offset + entries.length} of {page.total}
                </span>
                {page.older && (
                  <a href={aboutHref(filters, page.older)} rel="next" className={styles.pageLink}>
                    Older entries →
                  </a>
                )}
              </nav>
            )}
          </>
        ) : (
          <div className={styles.empty} data-testid="empty-feed">
            {searching ? (
              <p>Nothing matches.</p>
            ) : kind ? (
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
        <a href="/now">Now</a> · <a href="/feed.xml">Atom feed</a> · <a href="/feed.json">JSON feed</a> · <a href={`/year/${year}`}>{year} in review</a>
      </footer>
    </main>
  );
}
