import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { Markdown } from './Markdown';
import { hasSpoilers, markdownHtml, markdownLine, markdownText } from './render';

const html = (text: string) => renderToStaticMarkup(createElement(Markdown, { text }));

/** The review the issue was found with: Markdown, a block spoiler and an inline one. */
const REVIEW = 'A **quiet** masterpiece.\n\n>! Estraven dies at the border.\n\nAnd then ||with a homecoming|| it ends.';

describe('review Markdown', () => {
  it('renders paragraphs, emphasis, lists and links (with rel nofollow)', () => {
    const out = html('First *para*.\n\nSecond with [a link](https://example.com).\n\n- one\n- two');
    expect(out).toContain('<p>First <em>para</em>.</p>');
    expect(out).toContain('<a href="https://example.com" rel="nofollow ugc noopener noreferrer">a link</a>');
    expect(out).toContain('<li>one</li>');
  });

  it('never lets HTML or script URLs through', () => {
    for (const out of [html, markdownHtml].map((render) => render('<script>alert(1)</script> <img src=x onerror=alert(1)> [x](javascript:alert(1)) <b onclick="x()">b</b>'))) {
      expect(out).not.toMatch(/<script|onerror|onclick|javascript:|<b/i);
    }
  });

  it('hides >! blocks in <details> and ||inline|| spoilers in a focusable span', () => {
    const block = html('Before.\n\n>! He was dead\n>! all along.');
    expect(block).toMatch(/<details class="spoiler">\s*<summary>Spoiler \(click to show\)<\/summary>\s*<p>He was dead\nall along.<\/p>\s*<\/details>/);
    const inline = html('The killer is ||the butler||, obviously.');
    expect(inline).toContain('The killer is <span class="spoiler" tabindex="0" title="Spoiler: click to show">the butler</span>, obviously.');
    expect(html('> a plain quote')).toContain('<blockquote>');
  });

  it('renders the same HTML as a string (no React) as the page component', () => {
    const page = html(REVIEW);
    expect(markdownHtml(REVIEW).replace(/\n/g, '')).toBe(page.replace(/\n/g, '').replace(/^<div[^>]*>|<\/div>$/g, ''));
    expect(page).toContain('<strong>quiet</strong>');
  });

  it('keeps review headings under the page own (h1 becomes h3)', () => {
    expect(markdownHtml('# Verdict\n\n## Why')).toBe('<h3>Verdict</h3>\n<h4>Why</h4>');
  });
});

describe('where spoilers cannot be hidden', () => {
  it('leaves them out of the HTML, with a note linking to the entry page', () => {
    const out = markdownHtml(REVIEW, { spoilers: 'omit', entryUrl: 'https://shelf.example/entries/a' });
    expect(out).toContain('<strong>quiet</strong>');
    expect(out).not.toMatch(/Estraven|homecoming|<details|spoiler"/);
    expect(out).toContain('And then [spoiler] it ends.');
    expect(out).toContain('<a href="https://shelf.example/entries/a" rel="nofollow ugc noopener noreferrer">https://shelf.example/entries/a</a>');
    expect(markdownHtml('No secrets here.', { spoilers: 'omit', entryUrl: 'https://shelf.example/entries/a' })).toBe('<p>No secrets here.</p>');
  });

  it('reduces to plain text: no markup, no spoiler, paragraphs kept', () => {
    expect(markdownText(REVIEW)).toBe('A quiet masterpiece.\n\nAnd then [spoiler] it ends.');
    expect(markdownText('Line one\nline two  \nthree\n\n- a\n- b')).toBe('Line one\nline two\nthree\n\na\n\nb');
  });

  it('gives one line for meta descriptions, cut at a word; raw HTML dropped', () => {
    expect(markdownLine('I write **software**.\n\n<img src=x onerror=alert(1)> And read.')).toBe('I write software. And read.');
    expect(markdownLine('word '.repeat(100), 30)).toBe('word word word word word word…');
  });

  it('tells whether a text has spoilers (for a content warning)', () => {
    expect(hasSpoilers(REVIEW)).toBe(true);
    expect(hasSpoilers('A **quiet** masterpiece. > quoted')).toBe(false);
  });
});

describe('behind a content warning (a fediverse post)', () => {
  it('shows spoilers as plain text: no box, no marks', () => {
    const out = markdownHtml(REVIEW, { spoilers: 'reveal' });
    expect(out).toBe('<p>A <strong>quiet</strong> masterpiece.</p>\n<p>Estraven dies at the border.</p>\n<p>And then with a homecoming it ends.</p>');
  });
});
