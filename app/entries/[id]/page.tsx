import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { connection } from 'next/server';
import { pageOrigin } from '@/lib/http/page-origin';
import { LiveRefresh } from '@/lib/live/LiveRefresh';
import { markdownLine } from '@/lib/markdown/render';
import { KIND_INFO } from '@/lib/media/kinds';
import { visibleEntry } from '@/lib/media/public-entry';
import { readyMediaStore } from '@/lib/media/store';
import { EndpointLinks } from '@/lib/indieweb/EndpointLinks';
import { readSettings } from '@/lib/settings/store';
import { EntryDetails } from '@/lib/ui/EntryDetails';
import { Mentions } from '@/lib/ui/Mentions';
import { visibleMentions } from '@/lib/webmention/projection';
import { readyWebmentionStore } from '@/lib/webmention/store';
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
  const { ownerName, siteTitle } = await readSettings();
  return {
    title: entry.creator ? `${entry.title} by ${entry.creator}` : entry.title,
    // The review as plain text, spoilers left out; without one, what it is and whose.
    description: entry.review ? markdownLine(entry.review, 200) : `${KIND_INFO[entry.kind].label} on ${ownerName || siteTitle}'s shelf`,
    alternates: { canonical: `${await pageOrigin()}/entries/${encodeURIComponent(entry.id)}` },
  };
}

/** One public entry with its review (Markdown, sanitised). Private, removed and unknown ids are a 404. */
export default async function EntryPage({ params }: { params: Params }) {
  await connection(); // rendered from the live snapshot (and kept per version by the edge)
  const store = await readyMediaStore();
  const entry = await load(params);
  if (!entry) notFound();
  const { ownerName, siteTitle } = await readSettings();
  const origin = await pageOrigin();
  const mentions = visibleMentions((await readyWebmentionStore()).snapshot(), entry.id);

  return (
    <main className="page">
      <LiveRefresh stream="media" since={store.version()} />
      <EndpointLinks origin={origin} />
      <p className={styles.back}>
        <Link href={`/about#entry-${encodeURIComponent(entry.id)}`}>← {ownerName || siteTitle}</Link>
      </p>
      <EntryDetails entry={entry} origin={origin}>
        <Mentions mentions={mentions} />
      </EntryDetails>
    </main>
  );
}
