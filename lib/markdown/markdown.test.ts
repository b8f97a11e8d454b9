import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { Markdown } from './Markdown';

const html = (text: string) => renderToStaticMarkup(createElement(Markdown, { text }));

describe('review Markdown', () => {
  it('renders paragraphs, emphasis, lists and links (with rel nofollow)', () => {
    const out = html('First *para*.\n\nSecond with [a link](https://example.com).\n\n- one\n- two');
    expect(out).toContain('<p>First <em>para</em>.</p>');
    expect(out).toContain('<a href="https://example.com" rel="nofollow ugc noopener noreferrer">a link</a>');
    expect(out).toContain('<li>one</li>');
  });

  it('never lets HTML or script URLs through', () => {
    const out = html('<script>alert(1)</script> <img src=x onerror=alert(1)> [x](javascript:alert(1)) <b onclick="x()">b</b>');
    expect(out).not.toMatch(/<script|onerror|onclick|javascript:|<b/i);
  });

  it('hides >! blocks in <details> and ||inline|| spoilers in a focusable span', () => {
    const block = html('Before.\n\n>! He was dead\n>! all along.');
    expect(block).toMatch(/<details class="spoiler">\s*<summary>Spoiler \(click to show\)<\/summary>\s*<p>He was dead\nall along.<\/p>\s*<\/details>/);
    const inline = html('The killer is ||the butler||, obviously.');
    expect(inline).toContain('The killer is <span class="spoiler" tabindex="0" title="Spoiler: click to show">the butler</span>, obviously.');
    expect(html('> a plain quote')).toContain('<blockquote>');
  });
});
