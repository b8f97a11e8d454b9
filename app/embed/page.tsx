import type { Metadata } from 'next';
import { connection } from 'next/server';
import { GridTile } from '@/lib/ui/embed/GridTile';
import gridStyles from '@/lib/ui/embed/grid.module.css';
import { parseEmbedOptions } from '@/lib/embed/options';
import { ReportHeight } from '@/lib/ui/embed/ReportHeight';
import { LiveRefresh } from '@/lib/live/LiveRefresh';
import { nowEntries, publicFeed } from '@/lib/media/selectors';
import { NowSection } from '@/lib/ui/NowSection';
import { readyMediaStore } from '@/lib/media/store';
import { FeedList } from '@/lib/ui/FeedList';
import { widgetDefaultOptions } from '@/lib/settings/schema';
import { readSettings } from '@/lib/settings/store';
import styles from './embed.module.css';

export const metadata: Metadata = { title: 'Recently finished', robots: { index: false } };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/**
 * The widget other sites frame (see public/embed.js): the public feed and nothing else, rendered
 * from the live snapshot. The root layout adds no chrome, so this page is all there is.
 */
export default async function EmbedPage({ searchParams }: { searchParams: SearchParams }) {
  await connection(); // per request, never prerendered
  const settings = await readSettings();
  // What the URL leaves out takes the owner's widget defaults (the settings page).
  const options = parseEmbedOptions(await searchParams, widgetDefaultOptions(settings.widget));
  const store = await readyMediaStore();
  const entries = publicFeed(store.snapshot(), { kinds: options.kinds, limit: options.limit });
  const now = options.now ? nowEntries(store.snapshot(), { kinds: options.kinds }).slice(0, options.limit) : [];
  const ownerName = settings.ownerName || settings.siteTitle;

  return (
    <ReportHeight className={styles.root} data-theme={options.theme} data-layout={options.layout}>
      <LiveRefresh stream="media" since={store.version()} />
      {/* A document of its own in the frame: a main landmark and headings for screen readers, as the About page has. */}
      {/* Labelled: framed in a page with a main of its own (the admin's preview), the two stay distinct. */}
      <main aria-label={`${ownerName}: recently finished`}>
        <h1 className="visually-hidden">{ownerName}</h1>
        <NowSection entries={now} newTab />
        <h2 className="visually-hidden">Recently finished</h2>
        {entries.length === 0 ? (
          <p className={styles.empty}>Nothing finished yet.</p>
        ) : options.layout === 'grid' ? (
          <ol className={gridStyles.grid} data-testid="embed-feed">
            {entries.map((entry) => (
              <li key={entry.id}>
                <GridTile entry={entry} ratings={options.ratings} />
              </li>
            ))}
          </ol>
        ) : (
          <FeedList entries={entries} testId="embed-feed" covers={options.covers} ratings={options.ratings} reviews={options.reviews} newTab />
        )}
        <p className={styles.footer}>
          <a href="/about" target="_blank" rel="noopener">
            {ownerName}
          </a>{' '}
          · via Shelf
        </p>
      </main>
    </ReportHeight>
  );
}
