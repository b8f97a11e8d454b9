import { describe, expect, it } from 'vitest';
import { lookupOutcome, lookupUrl } from './suggest';

describe('the title lookup of the entry form and the quick log', () => {
  it('asks about titles of 2 characters or more, trimmed and cut at 200', () => {
    expect(lookupUrl('book', ' D ')).toBeUndefined();
    expect(lookupUrl('book', ' Du ')).toBe('/api/lookup?kind=book&q=Du');
    expect(new URL(lookupUrl('movie', 'x'.repeat(300))!, 'http://h').searchParams.get('q')).toHaveLength(200);
  });

  it('shows the results, the source’s message, "No matches", or why it is unavailable', () => {
    const dune = { title: 'Dune', creator: 'Frank Herbert', source: 'openlibrary' };
    expect(lookupOutcome(200, { results: [dune, { nope: 1 }], source: 'openlibrary' })).toEqual({ results: [dune], note: '', unavailable: false });
    expect(lookupOutcome(200, { results: [], source: 'openlibrary' }).note).toBe('No matches');
    expect(lookupOutcome(200, { results: [], source: null, message: 'No lookup for games: fill in the fields yourself' }).note).toMatch(/^No lookup for games/);
    expect(lookupOutcome(504, { error: 'Open Library did not answer in 3 s' })).toEqual({ results: [], note: 'Lookup unavailable: Open Library did not answer in 3 s', unavailable: false });
    expect(lookupOutcome(503, 'not json')).toMatchObject({ note: 'Lookup unavailable: 503' });
    // A server without the lookup: the field stops asking and says nothing.
    expect(lookupOutcome(404, {})).toEqual({ results: [], note: '', unavailable: true });
  });
});
