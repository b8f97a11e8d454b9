import { describe, expect, it } from 'vitest';
import { canonicalPageKey } from './rules';

describe('canonicalPageKey', () => {
  it('drops unknown params: junk queries of /about and /embed are the plain page', () => {
    for (let i = 0; i < 5; i++) {
      expect(canonicalPageKey(`/about?junk=x${i}`)).toBe('/about');
      expect(canonicalPageKey(`/embed?utm_source=${i}&_=${Date.now()}`)).toBe('/embed');
    }
    expect(canonicalPageKey('http://any.host/about?kind=book&fbclid=1')).toBe('/about?kind=book');
  });

  it('normalises values: case, blanks, order, defaults and invalid ones', () => {
    expect(canonicalPageKey('/about?kind=%20BOOK%20')).toBe('/about?kind=book');
    expect(canonicalPageKey('/about?kind=nope')).toBe('/about');
    expect(canonicalPageKey('/embed?limit=5&theme=auto')).toBe('/embed'); // the defaults
    expect(canonicalPageKey('/embed?theme=DARK&limit=10&kind=Game,book,game')).toBe(canonicalPageKey('/embed?kind=game,book&limit=10&theme=dark'));
    expect(canonicalPageKey('/embed?limit=500')).toBe('/embed');
    expect(canonicalPageKey('/embed?reviews=yes')).toBe('/embed?reviews=1');
  });

  it('keeps an About cursor only when it can be an entry, and (given the store) is one', () => {
    expect(canonicalPageKey('/about?from=0b6c-1')).toBe('/about?from=0b6c-1');
    expect(canonicalPageKey('/about?from=<script>')).toBe('/about');
    const known = new Set(['e1']);
    expect(canonicalPageKey('/about?from=e1&kind=book', { isEntryId: (id) => known.has(id) })).toBe('/about?kind=book&from=e1');
    expect(canonicalPageKey('/about?from=x1', { isEntryId: (id) => known.has(id) })).toBe('/about');
  });

  it('has no key for other paths', () => {
    expect(canonicalPageKey('/admin')).toBeNull();
    expect(canonicalPageKey('/about/')).toBeNull();
  });

  it('keeps the About search (tag, q, year), normalised and bounded, so each search is its own page', () => {
    expect(canonicalPageKey('/about?tag=%20Sci-Fi%20&year=2026&q=%20dune%20')).toBe('/about?tag=sci-fi&q=dune&year=2026');
    expect(canonicalPageKey('/about?year=26&q=')).toBe('/about');
    expect(canonicalPageKey(`/about?q=${'x'.repeat(500)}`)).toBe(`/about?q=${'x'.repeat(100)}`);
  });
});
