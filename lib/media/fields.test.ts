import { describe, expect, it } from 'vitest';
import { entryInputSchema, fieldErrors, fixSummary } from './fields';

const today = '2026-11-23';
const parse = (input: unknown) => entryInputSchema(today).safeParse(input);
const errorsOf = (input: unknown) => {
  const result = parse(input);
  if (result.success) throw new Error(`expected ${JSON.stringify(input)} to be rejected`);
  return fieldErrors(result.error);
};
const book = { kind: 'book', title: 'Dune' };

describe('entry input', () => {
  it('applies defaults: finished today, public, not announced; drops blank optional fields', () => {
    expect(parse({ ...book, creator: '', url: '', rating: '' }).data).toEqual({
      kind: 'book',
      title: 'Dune',
      finishedOn: today,
      visibility: 'public',
      announce: false,
      status: 'finished',
    });
  });

  it('keeps every field of a full entry, trimmed', () => {
    const full = {
      kind: 'game',
      title: '  Outer Wilds ',
      creator: 'Mobius Digital',
      url: 'https://www.mobiusdigitalgames.com/outer-wilds.html',
      coverUrl: 'http://example.com/cover.jpg',
      rating: 4.5,
      review: 'A solar system in a time loop.',
      finishedOn: '2026-11-01',
      visibility: 'private',
      announce: true,
    };
    expect(parse(full).data).toEqual({ ...full, title: 'Outer Wilds', status: 'finished' });
  });

  const bad: [string, unknown, string, RegExp][] = [
    ['an empty title', { kind: 'book', title: '   ' }, 'title', /Title is required/],
    ['a missing title', { kind: 'book' }, 'title', /Title/],
    ['an unknown kind', { kind: 'opera', title: 'x' }, 'kind', /Kind must be one of: book, article/],
    ['a rating of 7', { ...book, rating: 7 }, 'rating', /at most 5/],
    ['a rating of 0', { ...book, rating: 0 }, 'rating', /at least 0.5/],
    ['a rating of 3.3', { ...book, rating: 3.3 }, 'rating', /halves/],
    ['a rating given as text', { ...book, rating: 'four' }, 'rating', /number/],
    ['a date in the wrong format', { ...book, finishedOn: '23/11/2026' }, 'finishedOn', /YYYY-MM-DD/],
    ['an impossible date', { ...book, finishedOn: '2026-02-30' }, 'finishedOn', /YYYY-MM-DD/],
    ['a date in the future', { ...book, finishedOn: '2026-11-24' }, 'finishedOn', /future/],
    ['a javascript: URL', { ...book, url: 'javascript:alert(1)' }, 'url', /http:\/\/ or https:\/\//],
    ['a data: cover', { ...book, coverUrl: 'data:image/png;base64,AAAA' }, 'coverUrl', /http/],
    ['a relative URL', { ...book, url: '/about' }, 'url', /full http/],
    ['100 KB of review', { ...book, review: 'x'.repeat(100_000) }, 'review', /at most 2000 characters/],
    ['100 KB of title', { ...book, title: 'x'.repeat(100_000) }, 'title', /at most 300/],
    ['an unknown visibility', { ...book, visibility: 'friends' }, 'visibility', /public or private/],
    ['announce as text', { ...book, announce: 'yes' }, 'announce', /true or false/],
    ['an unknown field', { ...book, author: 'Frank Herbert' }, 'author', /Unknown field "author"/],
  ];
  for (const [what, input, field, message] of bad) {
    it(`rejects ${what}, naming the field`, () => {
      expect(errorsOf(input)[field]).toMatch(message);
    });
  }

  it('names every bad field at once', () => {
    expect(Object.keys(errorsOf({ kind: 'x', title: '', rating: 9, finishedOn: '2099-01-01' })).sort()).toEqual(['finishedOn', 'kind', 'rating', 'title']);
  });

  it('accepts HTML in a review as plain text (it is escaped when rendered)', () => {
    expect(parse({ ...book, review: '<script>alert(1)</script>' }).data?.review).toBe('<script>alert(1)</script>');
  });
});

describe('line endings and field names in messages', () => {
  it('stores a review with \\n line endings whether the form sent \\r\\n or the API \\n', () => {
    const fromForm = parse({ ...book, review: 'First paragraph.\r\n\r\nSecond,\r\nsame paragraph.\r' }).data;
    const fromApi = parse({ ...book, review: 'First paragraph.\n\nSecond,\nsame paragraph.' }).data;
    expect(fromForm?.review).toBe('First paragraph.\n\nSecond,\nsame paragraph.');
    expect(fromForm?.review).toBe(fromApi?.review);
  });

  it('counts a review\'s length after normalising, so 2000 characters typed in a textarea fit', () => {
    const lines = Array.from({ length: 500 }, () => 'abc').join('\r\n'); // 1999 characters as \n, 2498 as \r\n
    expect(parse({ ...book, review: lines }).success).toBe(true);
  });

  it('names fields by their labels in the summary, never by their internal names', () => {
    const summary = fixSummary(errorsOf({ ...book, title: '', finishedOn: 'soon', coverUrl: 'ftp://x' }));
    expect(summary).toBe('Please fix: Title, Cover image, Finished date');
    expect(summary).not.toMatch(/finishedOn|coverUrl/);
  });
});

describe('field errors for any key name, and absolute links', () => {
  it('names unknown fields called __proto__ or constructor', () => {
    const errors = errorsOf(JSON.parse('{"kind":"book","title":"Dune","__proto__":1,"constructor":2,"toString":3}'));
    expect(Object.keys(errors).sort()).toEqual(['__proto__', 'constructor', 'toString']);
    expect(errors['__proto__']).toBe('Unknown field "__proto__"');
    expect(JSON.parse(JSON.stringify(errors))).toHaveProperty('constructor', 'Unknown field "constructor"');
  });

  it('refuses links that are not absolute http(s)://host/... addresses', () => {
    for (const url of ['http:evil.com', 'https:evil.com', 'http:/evil.com', 'http:\\\\evil.com', 'http:///evil.com', 'javascript:alert(1)', '//evil.com']) {
      expect(errorsOf({ ...book, url })).toHaveProperty('url');
      expect(errorsOf({ ...book, coverUrl: url })).toHaveProperty('coverUrl');
    }
    expect(parse({ ...book, url: 'HTTPS://Example.com/a?b#c', coverUrl: 'http://127.0.0.1:8080/c.jpg' }).success).toBe(true);
  });
});
