// The review as HTML for a fediverse post: the one rendering of every surface (lib/markdown/render.ts).
// The whole post sits behind its content warning when the review has spoilers, so here a spoiler is
// shown as plain text: Mastodon strips <details> and classes, which would leave "Spoiler (click to
// show)" in the middle of the text.
import { markdownHtml } from '../markdown/render';

/** Whether a review hides something (`>! …` lines or `||…||`): the post then gets a content warning. */
export { hasSpoilers } from '../markdown/render';

/** Sanitized HTML of the review: Markdown rendered, raw HTML dropped, links only http(s) and mailto, spoilers as plain text. */
export const reviewHtml = (review: string): string => markdownHtml(review, { spoilers: 'reveal' });
