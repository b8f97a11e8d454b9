import { describe, expect, it } from 'vitest';
import { DEFAULT_EMBED_OPTIONS, parseEmbedOptions, type EmbedOptions } from './options';
import { embedUrl, iframeSnippet, scriptSnippet } from './snippets';

const site = 'https://shelf.example';
const options: EmbedOptions = { ...DEFAULT_EMBED_OPTIONS, kinds: ['book'], limit: 5, theme: 'dark', layout: 'grid' };

describe('embed snippets', () => {
  it('the script form carries the non-default options as data attributes', () => {
    expect(scriptSnippet(site, options)).toBe(
      '<script src="https://shelf.example/embed.js" data-kind="book" data-theme="dark" data-layout="grid" async></script>',
    );
    expect(scriptSnippet(site, { ...DEFAULT_EMBED_OPTIONS })).toBe('<script src="https://shelf.example/embed.js" async></script>');
  });

  it('the iframe form points at /embed with the query, escaped for an attribute', () => {
    const snippet = iframeSnippet(site, { ...options, kinds: ['book', 'game'] });
    expect(snippet).toContain('src="https://shelf.example/embed?kind=book%2Cgame&amp;theme=dark&amp;layout=grid"');
    expect(snippet).toMatch(/height="\d+"/);
  });

  it('the widget URL parses back to the same options', () => {
    const url = new URL(embedUrl(site, options));
    expect(url.pathname).toBe('/embed');
    expect(parseEmbedOptions(url.searchParams)).toEqual(options);
  });
});
