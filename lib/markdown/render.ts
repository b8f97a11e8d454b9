// The one rendering of the owner's Markdown (reviews, the bio) for every surface, from server code
// with no React: the sanitised HTML tree, as an HTML string (feeds, ActivityPub), as React
// elements (lib/markdown/Markdown.tsx: pages, the widget) or as plain text (meta, summaries).
//
//   markdownHtml(review)                                      pages' HTML, spoilers in boxes
//   markdownHtml(review, { spoilers: 'omit', entryUrl })      feeds: spoilers left out, a note links to the page
//   markdownHtml(review, { spoilers: 'reveal' })              a post behind a content warning: spoilers as plain text
//   markdownText(review, { spoilers: 'omit' })                plain text ("[spoiler]" where one was)
//   hasSpoilers(review)                                       e.g. for a content warning
//
// Raw HTML in the text is dropped (remark-rehype without allowDangerousHtml), and rehype-sanitize
// (GitHub's schema) checks what Markdown itself produces: only http(s) and mailto links, no event
// handlers, no styles. Well-kept unified libraries, which beats a hand-written parser on a page any
// visitor sees.
import type { Element, ElementContent, Root } from 'hast';
import { toHtml } from 'hast-util-to-html';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import rehypeSanitize, { defaultSchema } from 'rehype-sanitize';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { VFile } from 'vfile';
import { remarkSpoilers, type SpoilerMode } from './spoilers';

export type { SpoilerMode } from './spoilers';

export interface RenderOptions {
  /** `hide` (default): spoilers in a box the reader opens. `omit`: left out (feeds, text). `reveal`: plain text (behind a content warning). */
  spoilers?: SpoilerMode;
  /** With `omit`: where the whole text can be read; a note linking there follows the text when a spoiler was left out. */
  entryUrl?: string;
}

/** GitHub's schema, plus the spoilers' <details class="spoiler"> and <span class="spoiler" tabindex="0">. */
export const markdownSchema: NonNullable<Parameters<typeof rehypeSanitize>[0]> = {
  ...defaultSchema,
  attributes: {
    ...defaultSchema.attributes,
    details: [...(defaultSchema.attributes?.details ?? []), ['className', 'spoiler']],
    span: [...(defaultSchema.attributes?.span ?? []), ['className', 'spoiler'], 'tabIndex', 'title'],
  },
};

/** After sanitising: links marked as the owner's words about other sites, images lazy and without referrer, headings under the page's own. */
function rehypeShelf() {
  return (tree: Root) => {
    visit(tree, 'element', (node: Element) => {
      if (node.tagName === 'a') node.properties.rel = ['nofollow', 'ugc', 'noopener', 'noreferrer'];
      if (node.tagName === 'img') {
        node.properties.alt ??= '';
        node.properties.loading = 'lazy';
        node.properties.referrerPolicy = 'no-referrer';
      }
      // A review's "# Heading" sits under the page's h1 and the entry's h2/h3.
      const level = /^h([1-6])$/.exec(node.tagName)?.[1];
      if (level) node.tagName = `h${Math.min(6, Number(level) + 2)}`;
    });
  };
}

const processors = {
  hide: unified().use(remarkParse).use(remarkSpoilers, { mode: 'hide' }).use(remarkRehype).use(rehypeSanitize, markdownSchema).use(rehypeShelf).freeze(),
  omit: unified().use(remarkParse).use(remarkSpoilers, { mode: 'omit' }).use(remarkRehype).use(rehypeSanitize, markdownSchema).use(rehypeShelf).freeze(),
  reveal: unified().use(remarkParse).use(remarkSpoilers, { mode: 'reveal' }).use(remarkRehype).use(rehypeSanitize, markdownSchema).use(rehypeShelf).freeze(),
};

const SPOILER_NOTE = 'Spoilers are left out here. The whole review is at ';

/** The sanitised HTML tree of the text (hast), and whether it had spoilers. */
export function markdownTree(text: string, { spoilers = 'hide', entryUrl }: RenderOptions = {}): { tree: Root; spoilers: boolean } {
  const processor = processors[spoilers];
  const file = new VFile(text);
  const tree = processor.runSync(processor.parse(file), file) as Root;
  const had = file.data.spoilers === true;
  if (had && spoilers === 'omit' && entryUrl && /^https?:\/\//.test(entryUrl)) {
    const link: Element = { type: 'element', tagName: 'a', properties: { href: entryUrl, rel: ['nofollow', 'ugc', 'noopener', 'noreferrer'] }, children: [{ type: 'text', value: entryUrl }] };
    const note: Element = {
      type: 'element',
      tagName: 'p',
      properties: {},
      children: [{ type: 'element', tagName: 'em', properties: {}, children: [{ type: 'text', value: SPOILER_NOTE }, link, { type: 'text', value: '.' }] }],
    };
    tree.children.push({ type: 'text', value: '\n' }, note);
  }
  return { tree, spoilers: had };
}

/** Sanitised HTML of the text (a string). */
export function markdownHtml(text: string, options?: RenderOptions): string {
  return toHtml(markdownTree(text, options).tree);
}

const BLOCK = new Set(['p', 'li', 'blockquote', 'pre', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'details', 'summary', 'ul', 'ol', 'table', 'tr', 'hr']);

/**
 * The text as plain text: what a reader sees, without markup; paragraphs and list items on lines
 * of their own, separated by a blank line. Spoilers are left out ("[spoiler]") unless asked otherwise.
 */
export function markdownText(text: string, { spoilers = 'omit', entryUrl }: RenderOptions = {}): string {
  const blocks: string[] = [];
  let line = '';
  const flush = () => {
    const value = line.replace(/[ \t]+/g, ' ').replace(/ ?\n[\s]*/g, '\n').trim();
    if (value) blocks.push(value);
    line = '';
  };
  const walk = (nodes: readonly ElementContent[] | Root['children']) => {
    for (const node of nodes) {
      if (node.type === 'text') line += node.value;
      else if (node.type === 'element') {
        if (node.tagName === 'br') line += '\n';
        else if (node.tagName === 'img') line += typeof node.properties.alt === 'string' ? node.properties.alt : '';
        else if (BLOCK.has(node.tagName)) {
          flush();
          walk(node.children);
          flush();
        } else walk(node.children);
      }
    }
  };
  walk(markdownTree(text, { spoilers, entryUrl }).tree.children);
  flush();
  return blocks.join('\n\n');
}

/** The text on one line, at most `max` characters (cut at a word, with "…"): meta descriptions, summaries. */
export function markdownLine(text: string, max = 300): string {
  const flat = markdownText(text).replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const space = flat.lastIndexOf(' ', max - 1);
  return `${(space > max / 2 ? flat.slice(0, space) : flat.slice(0, max - 1)).trimEnd()}…`;
}

/** Whether the text has a spoiler (`>! ` block or `||inline||`), e.g. to give a post a content warning. */
export function hasSpoilers(text: string): boolean {
  return markdownTree(text, { spoilers: 'omit' }).spoilers;
}
