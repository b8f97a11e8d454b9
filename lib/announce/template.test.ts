import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CHANNELS } from './events';
import { KINDS } from '../media/kinds';
import { CHANNEL_RULES, previewAnnouncement, renderAnnouncement, shortLink, stars, truncate, type AnnouncementFields } from './template';
import { blueskyLength, mastodonLength, xLength } from './text-length';

const dune: AnnouncementFields = {
  kind: 'book',
  title: 'Dune',
  creator: 'Frank Herbert',
  rating: 4,
  url: 'https://example.com/books/dune',
};

describe('announcement text', () => {
  it('follows the template, with the verb of the kind', () => {
    expect(renderAnnouncement('mastodon', dune).text).toBe('Finished reading Dune by Frank Herbert ★★★★☆ https://example.com/books/dune');
    expect(renderAnnouncement('x', { kind: 'game', title: 'Outer Wilds', rating: 4.5 }).text).toBe('Finished playing Outer Wilds ★★★★½');
    expect(renderAnnouncement('x', { kind: 'podcast', title: 'Hardcore History' }).text).toBe('Finished listening to Hardcore History');
    expect(renderAnnouncement('webhook', { ...dune, review: 'Spice.' }).text).toBe(
      'Finished reading Dune by Frank Herbert ★★★★☆ https://example.com/books/dune\n\nSpice.',
    );
  });

  it('shows Bluesky a short link and links it to the full address', () => {
    const long = { ...dune, url: 'https://www.example.com/books/dune-by-frank-herbert-first-edition?ref=shelf' };
    const { text, link } = renderAnnouncement('bluesky', long);
    expect(text).toBe('Finished reading Dune by Frank Herbert ★★★★☆ example.com/books/dune-by-frank…');
    expect(link).toEqual({ uri: long.url, start: text.indexOf('example.com'), end: text.length });
    expect(shortLink('https://example.com/')).toBe('example.com');
  });

  it('draws ratings in five places', () => {
    expect([0.5, 1, 2.5, 4, 5].map(stars)).toEqual(['½☆☆☆☆', '★☆☆☆☆', '★★½☆☆', '★★★★☆', '★★★★★']);
  });

  it('cuts at a word boundary with an ellipsis', () => {
    expect(truncate('The quick brown fox jumps over the lazy dog', 24)).toBe('The quick brown fox…');
    expect(truncate('Supercalifragilistic', 5)).toBe('Super…');
    expect(truncate('short', 10)).toBe('short');
  });

  it('counts X links as 23, the stars as 2 each, and link-like words as at least 23', () => {
    expect(xLength('a https://example.com/a/very/long/path/that/is/long', 'https://example.com/a/very/long/path/that/is/long')).toBe(2 + 23);
    expect(xLength('★★')).toBe(4);
    expect(xLength('see a.co')).toBe(4 + 23);
    expect(mastodonLength('🙂 x')).toBe(3);
  });

  it('shortens a long review first and keeps title, creator, rating and link', () => {
    const review = 'A sweeping story of politics, religion and ecology on a desert planet. '.repeat(20);
    const { text } = renderAnnouncement('x', { ...dune, review });
    expect(text.startsWith('Finished reading Dune by Frank Herbert ★★★★☆ https://example.com/books/dune\n\nA sweeping story')).toBe(true);
    expect(text.endsWith('…')).toBe(true);
    expect(xLength(text, dune.url)).toBeLessThanOrEqual(280);
    expect(xLength(text, dune.url)).toBeGreaterThan(260);
  });

  it('shortens a 300-character title when nothing else is left to cut', () => {
    const title = 'Long words '.repeat(30).trim();
    const { text } = renderAnnouncement('x', { kind: 'book', title, url: dune.url });
    expect(text).toMatch(/^Finished reading Long words .*… https:\/\/example\.com\/books\/dune$/);
    expect(xLength(text, dune.url)).toBeLessThanOrEqual(280);
  });

  const fieldsArb = (size: fc.SizeForArbitrary) => {
    const text = (max: number) => fc.string({ unit: 'grapheme', maxLength: max, size });
    return fc.record(
      {
        kind: fc.constantFrom(...KINDS),
        title: text(300).filter((t) => t.trim().length > 0),
        creator: text(200),
        url: fc.oneof(
          fc.webUrl({ withQueryParameters: true, withFragments: true }).filter((u) => u.length <= 2000),
          fc.integer({ min: 0, max: 1960 }).map((n) => `https://example.com/${'a'.repeat(n)}`),
        ),
        rating: fc.integer({ min: 1, max: 10 }).map((n) => n / 2),
        review: text(2000),
      },
      { requiredKeys: ['kind', 'title'] },
    );
  };

  const withinLimits = (fields: AnnouncementFields) => {
    const preview = previewAnnouncement(fields);
    for (const channel of CHANNELS) {
      const { text, length, limit } = preview[channel];
      expect(renderAnnouncement(channel, fields).text).toBe(text);
      expect(length).toBeLessThanOrEqual(limit);
      expect(limit).toBe(CHANNEL_RULES[channel].limit);
      expect(text.startsWith(`Finished `)).toBe(true);
    }
    expect(blueskyLength(preview.bluesky.text)).toBeLessThanOrEqual(300);
    expect(new TextEncoder().encode(preview.bluesky.text).length).toBeLessThanOrEqual(3000);
  };

  it('is deterministic and within every network limit for any entry', () => {
    fc.assert(fc.property(fieldsArb('small'), withinLimits), { numRuns: 150 });
  });

  it('stays within the limits with every field at its longest', () => {
    fc.assert(fc.property(fieldsArb('max'), withinLimits), { numRuns: 25 });
  });

  it('keeps the whole link in the X and Mastodon texts', () => {
    fc.assert(
      fc.property(fieldsArb('medium'), (fields) => {
        if (!fields.url) return;
        expect(renderAnnouncement('x', fields).text).toContain(fields.url);
        expect(renderAnnouncement('mastodon', fields).text).toContain(fields.url);
      }),
      { numRuns: 100 },
    );
  });
});

describe('reviews in announcements', () => {
  it('posts the review as text, with its spoilers left out', () => {
    const { text } = renderAnnouncement('mastodon', { kind: 'book', title: 'The Left Hand of Darkness', review: 'A **quiet** masterpiece.\n\n>! Estraven dies at the border.\n\nAnd ||a homecoming||.' });
    expect(text).toContain('A quiet masterpiece.\n\nAnd [spoiler].');
    expect(text).not.toMatch(/Estraven|homecoming|\*\*/);
  });
});
