// The HTML a blog owner pastes: the script form (resizes itself) and the plain iframe form.
import { DEFAULT_EMBED_OPTIONS, embedAttributes, embedQuery, type EmbedOptions } from './options';

/** `base` below: the owner's widget defaults, which the widget applies to options a snippet leaves out. */
type Base = Readonly<EmbedOptions>;

const escapeAttribute = (value: string) =>
  value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The widget's address on the site at `siteUrl` (absolute, no trailing slash). */
export function embedUrl(siteUrl: string, options: EmbedOptions, base: Base = DEFAULT_EMBED_OPTIONS): string {
  const query = embedQuery(options, base);
  return `${siteUrl}/embed${query ? `?${query}` : ''}`;
}

/** `<script src=".../embed.js" data-kind="book" async></script>`: inserts the iframe and keeps it sized to its content. */
export function scriptSnippet(siteUrl: string, options: EmbedOptions, base: Base = DEFAULT_EMBED_OPTIONS): string {
  const data = Object.entries(embedAttributes(options, base)).map(([name, value]) => ` data-${name}="${escapeAttribute(value)}"`);
  return `<script src="${escapeAttribute(`${siteUrl}/embed.js`)}"${data.join('')} async></script>`;
}

/** A plain iframe for sites that allow no scripts: it cannot resize itself, so it gets a height that fits the options. */
export function iframeSnippet(siteUrl: string, options: EmbedOptions, base: Base = DEFAULT_EMBED_OPTIONS): string {
  return (
    `<iframe src="${escapeAttribute(embedUrl(siteUrl, options, base))}" title="Recently finished" ` +
    `width="100%" height="${estimatedHeight(options)}" style="border:0;max-width:100%" loading="lazy"></iframe>`
  );
}

/** A generous guess at the widget's height in CSS pixels (the script form measures instead). */
export function estimatedHeight(options: EmbedOptions): number {
  const footer = 64;
  if (options.layout === 'grid') {
    const rows = Math.ceil(options.limit / 4);
    return rows * (options.ratings ? 290 : 270) + footer;
  }
  const item = (options.covers ? 124 : 96) + (options.reviews ? 48 : 0);
  return options.limit * item + footer;
}
