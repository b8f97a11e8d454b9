// The URLs an entry cites, which Shelf tells by Webmention: the work's link and the links of the
// review as the entry page renders it (lib/markdown/render.ts, spoilers in their closed box), so
// every URL told is one the receiver finds on the page.
import type { Element, Root, RootContent } from 'hast';
import { markdownTree } from '../markdown/render';
import type { Entry } from '../media/projection';

/** At most this many URLs per entry are told. */
export const MAX_CITED = 20;

export function citedUrls(entry: Pick<Entry, 'url' | 'review'>): string[] {
  const found: string[] = [];
  const add = (value: unknown) => {
    if (typeof value !== 'string') return;
    try {
      const url = new URL(value);
      if ((url.protocol === 'http:' || url.protocol === 'https:') && !found.includes(url.href)) found.push(url.href);
    } catch {
      // a relative or broken link cites nothing
    }
  };
  add(entry.url);
  // An absolute URL needs a colon, typed or as a character reference (`&#58;`, `&colon;`): a review
  // with neither cites nothing and is not parsed (every public entry logged or edited is asked).
  if (entry.review && /[:&]/.test(entry.review)) {
    const visit = (node: Root | RootContent) => {
      if (node.type === 'element' && (node as Element).tagName === 'a') add((node as Element).properties.href);
      if ('children' in node) for (const child of node.children) visit(child);
    };
    visit(markdownTree(entry.review, { spoilers: 'hide' }).tree);
  }
  return found.slice(0, MAX_CITED);
}
