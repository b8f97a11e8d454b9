import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DEFAULT_EMBED_OPTIONS, embedAttributes, embedQuery, parseEmbedOptions, type EmbedOptions } from './options';
import { KINDS } from '../media/kinds';

const parse = (query: string) => parseEmbedOptions(new URLSearchParams(query));

describe('parseEmbedOptions', () => {
  it('gives the defaults for no options', () => {
    expect(parse('')).toEqual({ kinds: [], limit: 5, theme: 'auto', layout: 'list', covers: true, ratings: true, reviews: false, now: false });
  });

  it('reads every valid option', () => {
    expect(parse('kind=book,game&limit=12&theme=dark&layout=grid&covers=0&ratings=false&reviews=1')).toEqual({
      kinds: ['book', 'game'],
      limit: 12,
      theme: 'dark',
      layout: 'grid',
      covers: false,
      ratings: false,
      reviews: true,
      now: false,
    });
    expect(parse('now=1').now).toBe(true);
  });

  it('forgives case and spaces', () => {
    expect(parse('kind=%20Book%20,%20MOVIE&theme=LIGHT&layout=Grid&limit=%207%20&reviews=Yes')).toMatchObject({
      kinds: ['book', 'movie'],
      theme: 'light',
      layout: 'grid',
      limit: 7,
      reviews: true,
    });
  });

  it('keeps the known kinds of a list, once each, and every kind when none is known', () => {
    expect(parse('kind=book,opera,book,,game').kinds).toEqual(['book', 'game']);
    expect(parse('kind=opera').kinds).toEqual([]);
    expect(parse('kind=').kinds).toEqual([]);
  });

  const invalid: [string, keyof EmbedOptions][] = [
    ['limit=0', 'limit'],
    ['limit=51', 'limit'],
    ['limit=-3', 'limit'],
    ['limit=2.5', 'limit'],
    ['limit=1e1', 'limit'],
    ['limit=abc', 'limit'],
    ['limit=', 'limit'],
    ['limit=99999999999999999999', 'limit'],
    ['limit=0x10', 'limit'],
    ['theme=purple', 'theme'],
    ['theme=', 'theme'],
    ['layout=carousel', 'layout'],
    ['layout=', 'layout'],
    ['covers=maybe', 'covers'],
    ['covers=', 'covers'],
    ['ratings=2', 'ratings'],
    ['reviews=null', 'reviews'],
  ];
  for (const [query, option] of invalid) {
    it(`falls back to the default ${option} for ${query}`, () => {
      expect(parse(query)[option]).toEqual(DEFAULT_EMBED_OPTIONS[option]);
    });
  }

  it('one invalid option leaves the valid ones alone', () => {
    expect(parse('limit=500&theme=dark&layout=grid')).toMatchObject({ limit: 5, theme: 'dark', layout: 'grid' });
  });

  it('takes the first value of a repeated option (a page searchParams array)', () => {
    expect(parseEmbedOptions({ limit: ['3', '9'], theme: ['dark'], kind: undefined })).toMatchObject({ limit: 3, theme: 'dark', kinds: [] });
  });

  it('never throws and always returns options in range, whatever the input', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.constantFrom('kind', 'limit', 'theme', 'layout', 'covers', 'ratings', 'reviews', 'x'), fc.string()), (raw) => {
        const o = parseEmbedOptions(raw);
        expect(Number.isInteger(o.limit) && o.limit >= 1 && o.limit <= 50).toBe(true);
        expect(['auto', 'light', 'dark']).toContain(o.theme);
        expect(['list', 'grid']).toContain(o.layout);
        for (const k of o.kinds) expect(KINDS).toContain(k);
      }),
    );
  });
});

describe('embedQuery and embedAttributes', () => {
  it('write nothing for the defaults', () => {
    expect(embedQuery({ ...DEFAULT_EMBED_OPTIONS })).toBe('');
    expect(embedAttributes({ ...DEFAULT_EMBED_OPTIONS })).toEqual({});
  });

  it('write only what differs, in a stable order', () => {
    const options: EmbedOptions = { ...DEFAULT_EMBED_OPTIONS, kinds: ['book', 'game'], limit: 8, theme: 'dark', reviews: true, covers: false };
    expect(embedQuery(options)).toBe('kind=book%2Cgame&limit=8&theme=dark&covers=0&reviews=1');
    expect(embedAttributes(options)).toEqual({ kind: 'book,game', limit: '8', theme: 'dark', covers: '0', reviews: '1' });
  });

  it('round-trip through the parser', () => {
    const option = fc.record({
      kinds: fc.uniqueArray(fc.constantFrom(...KINDS)),
      limit: fc.integer({ min: 1, max: 50 }),
      theme: fc.constantFrom('auto' as const, 'light' as const, 'dark' as const),
      layout: fc.constantFrom('list' as const, 'grid' as const),
      covers: fc.boolean(),
      ratings: fc.boolean(),
      reviews: fc.boolean(),
      now: fc.boolean(),
    });
    fc.assert(fc.property(option, (options) => {
      expect(parse(embedQuery(options))).toEqual(options);
    }));
  });
});

describe('owner widget defaults', () => {
  const owner = { ...DEFAULT_EMBED_OPTIONS, theme: 'dark' as const, limit: 8 };
  it('fill in what a URL leaves out, and a URL still overrides them', () => {
    expect(parseEmbedOptions(new URLSearchParams(''), owner)).toMatchObject({ theme: 'dark', limit: 8 });
    expect(parseEmbedOptions(new URLSearchParams('theme=auto'), owner)).toMatchObject({ theme: 'auto', limit: 8 });
  });
  it('a query written against them reads back as the same options', () => {
    const chosen = { ...owner, theme: 'auto' as const, layout: 'grid' as const };
    const query = embedQuery(chosen, owner);
    expect(query).toBe('theme=auto&layout=grid');
    expect(parseEmbedOptions(new URLSearchParams(query), owner)).toEqual(chosen);
  });
});
