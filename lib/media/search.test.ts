import { describe, expect, it } from 'vitest';
import type { Entry } from './projection';
import { fold, matchesFilter } from './search';

const entry = (over: Partial<Entry>): Entry =>
  ({ id: 'x', kind: 'book', title: 'Cien años de soledad', creator: 'Gabriel García Márquez', status: 'finished', visibility: 'public', announce: false, removed: false, seq: 1, loggedAt: '', updatedAt: '', updatedSeq: 1, announcements: {}, ...over }) as Entry;

describe('search', () => {
  it('folds accents and case both ways', () => {
    const book = entry({});
    for (const q of ['garcia', 'GARCÍA', 'García', 'marquez', 'MÁRQUEZ', 'anos soledad', 'AÑOS']) expect(matchesFilter(book, { q }), q).toBe(true);
    expect(matchesFilter(entry({ title: 'Garcia without accents' }), { q: 'garcía' })).toBe(true);
    expect(matchesFilter(book, { q: 'garcia borges' })).toBe(false);
  });

  it('folds other scripts\' marks, compatibility forms and ß', () => {
    expect(fold('Ｓｔｒａßｅ ﬁn Ĳ')).toBe('strasse fin ij');
    expect(matchesFilter(entry({ title: 'Die Straße' }), { q: 'strasse' })).toBe(true);
    expect(matchesFilter(entry({ title: '百年の孤独' }), { q: '孤独' })).toBe(true);
  });
});
