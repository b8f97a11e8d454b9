// Reading other people's HTML (Webmention sources and targets, HTML content a Micropub client
// sends) with parse5, the WHATWG parser: what a browser would see, comments and <template>s and
// escaped text included as browsers treat them, never a regular expression over markup.
import { parse, parseFragment } from 'parse5';

interface Node {
  nodeName: string;
  tagName?: string;
  value?: string;
  attrs?: { name: string; value: string }[];
  childNodes?: Node[];
  content?: Node;
}

function* walk(node: Node): Generator<Node> {
  yield node;
  for (const child of node.childNodes ?? []) yield* walk(child);
}

const attr = (node: Node, name: string) => node.attrs?.find((a) => a.name === name)?.value;

/** The document's base for relative URLs: its <base href>, resolved against where it was fetched. */
function baseOf(root: Node, url: string): string {
  for (const node of walk(root)) {
    if (node.tagName === 'base') {
      const href = attr(node, 'href');
      if (href !== undefined) {
        try {
          return new URL(href, url).href;
        } catch {
          return url;
        }
      }
    }
  }
  return url;
}

const resolve = (href: string, base: string): string | undefined => {
  try {
    const url = new URL(href.trim(), base);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : undefined;
  } catch {
    return undefined;
  }
};

export interface ParsedPage {
  /** The first <link> or <a> with `rel` among its rel values and an href, resolved (Webmention discovery). */
  firstRel(rel: string): string | undefined;
  /** Every URL the page links or embeds (a, link, img, audio, video, source, iframe), resolved. */
  links(): Set<string>;
}

export function parsePage(html: string, url: string): ParsedPage {
  const root = parse(html) as unknown as Node;
  const base = baseOf(root, url);
  return {
    firstRel(rel) {
      for (const node of walk(root)) {
        if (node.tagName !== 'link' && node.tagName !== 'a') continue;
        const rels = (attr(node, 'rel') ?? '').toLowerCase().split(/\s+/);
        const href = attr(node, 'href');
        // No href at all is no endpoint; an empty one is the page itself.
        if (rels.includes(rel) && href !== undefined) {
          const resolved = resolve(href, base);
          if (resolved) return resolved;
        }
      }
      return undefined;
    },
    links() {
      const found = new Set<string>();
      for (const node of walk(root)) {
        const value = node.tagName === 'a' || node.tagName === 'link' || node.tagName === 'area' ? attr(node, 'href') : ['img', 'audio', 'video', 'source', 'iframe'].includes(node.tagName ?? '') ? attr(node, 'src') : undefined;
        const resolved = value === undefined ? undefined : resolve(value, base);
        if (resolved) found.add(resolved);
      }
      return found;
    },
  };
}

const BLOCKS = new Set(['p', 'div', 'br', 'li', 'blockquote', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'pre', 'tr']);

/** The text of an HTML fragment, paragraphs kept as blank lines, whitespace otherwise collapsed. */
export function htmlToText(html: string): string {
  const out: string[] = [];
  const visit = (node: Node) => {
    if (node.nodeName === '#text') out.push((node.value ?? '').replace(/\s+/g, ' '));
    if (node.tagName === 'script' || node.tagName === 'style' || node.tagName === 'template') return;
    for (const child of node.childNodes ?? []) visit(child);
    if (node.tagName && BLOCKS.has(node.tagName)) out.push('\n\n');
  };
  visit(parseFragment(html) as unknown as Node);
  return out
    .join('')
    .split(/\n{2,}/)
    .map((line) => line.trim())
    .filter(Boolean)
    .join('\n\n');
}
