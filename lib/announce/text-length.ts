// How each network counts a post's length. Pure and browser-safe: the admin form's preview uses it.
// Where a network's exact rule needs its own parser (which words X or Mastodon take for links),
// these count an upper bound, so a text that fits here fits there.

const segmenter = new Intl.Segmenter('en', { granularity: 'grapheme' });

/** User-perceived characters (an emoji with modifiers is one). */
export function graphemes(text: string): string[] {
  return Array.from(segmenter.segment(text), (s) => s.segment);
}

/** What X and Mastodon count any link as, however long it is. */
export const LINK_WEIGHT = 23;

/** A word a network may turn into a link: it has a scheme, or a dot before two letters ("example.com"). */
const LINK_LIKE = /^\S*(?:[a-z][a-z0-9+.-]*:\/\/|\.[a-z]{2,})\S*$/i;

/**
 * X's weighted length (twitter-text v3): code points in these ranges weigh 1, all others 2
 * (CJK, emoji, and the ★ of a rating); each link weighs 23.
 */
const X_LIGHT_RANGES: readonly [number, number][] = [[0, 4351], [8192, 8205], [8208, 8223], [8242, 8247]];
const xCodePointWeight = (cp: number) => (X_LIGHT_RANGES.some(([lo, hi]) => cp >= lo && cp <= hi) ? 1 : 2);
const xWeight = (text: string) => {
  let n = 0;
  for (const ch of text) n += xCodePointWeight(ch.codePointAt(0)!);
  return n;
};
const codePoints = (text: string) => {
  let n = 0;
  for (const _ of text) n++;
  return n;
};

/**
 * The length of `text` when each occurrence of `link` counts 23 and any other link-like word
 * counts at least 23 (it does on the network if it is read as a link; otherwise its own length).
 */
function withLinks(text: string, link: string | undefined, weigh: (s: string) => number): number {
  const pieces = link ? text.split(link) : [text];
  let total = (pieces.length - 1) * LINK_WEIGHT;
  for (const piece of pieces) {
    for (const word of piece.split(/(\s+)/u)) {
      const w = weigh(word);
      total += LINK_LIKE.test(word) ? Math.max(w, LINK_WEIGHT) : w;
    }
  }
  return total;
}

/** X: 280 weighted characters. */
export const xLength = (text: string, link?: string) => withLinks(text, link, xWeight);

/** Mastodon: 500 characters, a link counting 23. */
export const mastodonLength = (text: string, link?: string) => withLinks(text, link, codePoints);

/**
 * Bluesky: 300 graphemes, and at most 3000 bytes of UTF-8. Both fit when this is at most 300
 * (a long emoji sequence is one grapheme but many bytes).
 */
export const blueskyLength = (text: string) => Math.max(graphemes(text).length, Math.ceil(new TextEncoder().encode(text).length / 10));
