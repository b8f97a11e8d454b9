import type { Metadata } from 'next';
import { requireAdmin } from '@/lib/auth';
import { pageOrigin } from '@/lib/http/page-origin';
import { widgetDefaultOptions } from '@/lib/settings/schema';
import { readSettings } from '@/lib/settings/store';
import { EmbedBuilder } from './EmbedBuilder';

export const metadata: Metadata = { title: 'Embed' };
export const dynamic = 'force-dynamic'; // the public origin is the request's (or SITE_URL's)

/** Admin: choose the widget's options, preview it live, copy the snippet for another site. */
export default async function EmbedAdminPage() {
  await requireAdmin();
  const siteUrl = await pageOrigin();
  const { widget } = await readSettings();
  return (
    <>
      <h1>Embed</h1>
      <p className="muted">
        Show what you finished on any other site: pick the options, check the preview, then paste the snippet into
        your blog&apos;s HTML. The widget updates itself when you log something new.
      </p>
      <EmbedBuilder siteUrl={siteUrl} defaults={widgetDefaultOptions(widget)} />
    </>
  );
}
