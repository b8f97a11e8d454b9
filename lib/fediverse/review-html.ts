// The review as HTML for a fediverse post. An adapter over lib/markdown's rules (the same parser,
// the same sanitizer schema) until the one review renderer of every surface lands (issue 24); then
// this file becomes a call to it. The whole post sits behind its content warning when the review
// has spoilers, so here a spoiler is shown as plain text: Mastodon strips <details> and classes,
// which would leave "Spoiler (click to show)" in the middle of the text.
import type { Root } from 'hast';
import { toHtml } from 'hast-util-to-html';
import rehypeSanitize from 'rehype-sanitize';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { reviewSchema } from '../markdown/Markdown';

const BLOCK_SPOILER = /^[ \t]*>![ \t]?/gm;
const INLINE_SPOILER = /\|\|(.+?)\|\|/g;

/** Whether a review hides something (`>! …` lines or `||…||`): the post then gets a content warning. */
export const hasSpoilers = (review: string) => /^[ \t]*>!/m.test(review) || /\|\|.+?\|\|/.test(review);

/** The review's Markdown with spoiler marks taken out (their text kept). */
export const withoutSpoilerMarks = (review: string) => review.replace(BLOCK_SPOILER, '').replace(INLINE_SPOILER, '$1');

const processor = unified().use(remarkParse).use(remarkRehype).use(rehypeSanitize, reviewSchema as Parameters<typeof rehypeSanitize>[0]);

/** Sanitized HTML of the review: Markdown rendered, raw HTML dropped, links only http(s) and mailto. */
export function reviewHtml(review: string): string {
  const tree = processor.runSync(processor.parse(withoutSpoilerMarks(review))) as Root;
  return toHtml(tree);
}
