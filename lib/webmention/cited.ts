// The URLs an entry cites, which Shelf tells by Webmention: the work's link and the links in the
// review (Markdown, read as the entry page renders it, so a link in a spoiler counts as well).
import { fromMarkdown } from 'mdast-util-from-markdown';
import type { Entry } from '../media/projection';

/** At most this many URLs per entry are told. */
export const MAX_CITED = 20;

export function citedUrls(entry: Pick<Entry, 'url' | 'review'>): string[] {
  const found: string[] = [];
  const add = (value: string | undefined) => {
    if (!value) return;
    try {
      const url = new URL(value);
      if ((url.protocol === 'http:' || url.protocol === 'https:') && !found.includes(url.href)) found.push(url.href);
    } catch {
      // a relative or broken link cites nothing
    }
  };
  add(entry.url);
  if (entry.review) {
    const visit = (node: { type: string; url?: string; children?: unknown[] }) => {
      if (node.type === 'link' || node.type === 'definition') add(node.url);
      for (const child of node.children ?? []) visit(child as typeof node);
    };
    visit(fromMarkdown(entry.review));
  }
  return found.slice(0, MAX_CITED);
}
