import { describe, expect, it } from 'vitest';
import { aboutUrl, embedUrl } from './page-queries';

const q = (query: string) => new URLSearchParams(query);

describe('the canonical URLs of /about and /embed', () => {
  it('drop unknown params: junk queries are the plain page', () => {
    for (let i = 0; i < 5; i++) {
      expect(aboutUrl(q(`junk=x${i}&_rsc=${i}`))).toBe('/about');
      expect(embedUrl(q(`utm_source=${i}&_=${Date.now()}`))).toBe('/embed');
    }
    expect(aboutUrl(q('kind=book&fbclid=1'))).toBe('/about?kind=book');
  });

  it('normalise values: case, blanks, order, defaults and invalid ones', () => {
    expect(aboutUrl(q('kind=%20BOOK%20'))).toBe('/about?kind=book');
    expect(aboutUrl(q('kind=nope'))).toBe('/about');
    expect(embedUrl(q('limit=5&theme=auto'))).toBe('/embed'); // the defaults
    expect(embedUrl(q('theme=DARK&limit=10&kind=Game,book,game'))).toBe(embedUrl(q('kind=game,book&limit=10&theme=dark')));
    expect(embedUrl(q('limit=500'))).toBe('/embed');
    expect(embedUrl(q('reviews=yes'))).toBe('/embed?reviews=1');
  });

  it('keep an About cursor only when it can be an entry, and (given the store) is one', () => {
    expect(aboutUrl(q('from=0b6c-1'))).toBe('/about?from=0b6c-1');
    expect(aboutUrl(q('from=<script>'))).toBe('/about');
    const known = new Set(['e1']);
    expect(aboutUrl(q('from=e1&kind=book'), (id) => known.has(id))).toBe('/about?kind=book&from=e1');
    expect(aboutUrl(q('from=x1'), (id) => known.has(id))).toBe('/about');
  });

  it('keep the About search (tag, q, year), normalised and bounded, so each search is its own page', () => {
    expect(aboutUrl(q('tag=%20Sci-Fi%20&year=2026&q=%20dune%20'))).toBe('/about?tag=sci-fi&q=dune&year=2026');
    expect(aboutUrl(q('year=26&q='))).toBe('/about');
    expect(aboutUrl(q(`q=${'x'.repeat(500)}`))).toBe(`/about?q=${'x'.repeat(100)}`);
  });
});
