import type { Metadata } from 'next';
import { headers } from 'next/headers';
import { connection } from 'next/server';
import { EndpointLinks } from '@/lib/indieweb/EndpointLinks';
import { publicOriginOf } from '@/lib/http/public-origin';
import { LiveRefresh } from '@/lib/live/LiveRefresh';
import { formatDay } from '@/lib/media/dates';
import { nowEntries } from '@/lib/media/selectors';
import { readyMediaStore } from '@/lib/media/store';
import { readSettings } from '@/lib/settings/store';
import { NowSection } from '@/lib/ui/NowSection';
import { OwnerIntro } from '@/lib/ui/OwnerIntro';

export async function generateMetadata(): Promise<Metadata> {
  const { ownerName, siteTitle } = await readSettings();
  return { title: { absolute: ownerName ? `What ${ownerName} is doing now · ${siteTitle}` : `Now · ${siteTitle}` } };
}

/** The owner's /now page (nownownow.com): their intro, then what is in progress, latest started first. */
export default async function NowPage() {
  await connection();
  const store = await readyMediaStore();
  const entries = nowEntries(store.snapshot());
  const settings = await readSettings();
  const origin = publicOriginOf(await headers());
  const updated = entries.map((e) => e.updatedAt).sort().at(-1)?.slice(0, 10);
  return (
    <main className="page">
      <LiveRefresh stream="media" since={store.version()} />
      <EndpointLinks origin={origin} />
      <OwnerIntro settings={settings} origin={origin} />
      {entries.length > 0 ? (
        <NowSection entries={entries} heading="Now" origin={origin} />
      ) : (
        <section aria-labelledby="now-heading" data-testid="now-empty">
          <h2 id="now-heading">Now</h2>
          <p className="muted">Nothing in progress right now.</p>
        </section>
      )}
      <p className="muted">
        {updated && (
          <>
            Updated <time dateTime={updated}>{formatDay(updated)}</time> ·{' '}
          </>
        )}
        <a href="/about">Everything finished</a> · <a href="https://nownownow.com/about">What is a now page?</a>
      </p>
    </main>
  );
}
