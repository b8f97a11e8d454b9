import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EnvelopeOf } from '../eventstore';
import type { MediaEvent } from '../media/events';
import type { EntryFields } from '../media/fields';
import { initialMediaState, evolveMedia, type MediaState } from '../media/projection';
import { atomFeed } from './atom';
import { jsonFeed, JSON_FEED_VERSION } from './json-feed';
import { FEED_LIMIT, feedInput } from './select';

let seq = 0;
const envelope = (event: MediaEvent): EnvelopeOf<MediaEvent> =>
  ({ seq: ++seq, id: `e${seq}`, at: `2026-11-23T08:${String(Math.floor(seq / 60) % 60).padStart(2, '0')}:${String(seq % 60).padStart(2, '0')}.000Z`, ...event }) as EnvelopeOf<MediaEvent>;
const fold = (...events: MediaEvent[]) => events.reduce<MediaState>((s, e) => evolveMedia(s, envelope(e)), initialMediaState);
const finished = (entryId: string, over: Partial<EntryFields> = {}): MediaEvent => ({
  type: 'MediaFinished',
  data: { entryId, kind: 'book', title: 'Dune', finishedOn: '2026-11-01', visibility: 'public', announce: false, ...over },
});

// The owner's zone: feed dates are days in it.
let zoneBefore: string | undefined;
beforeEach(() => {
  zoneBefore = process.env.TZ;
  process.env.TZ = 'UTC';
});
afterEach(() => {
  if (zoneBefore === undefined) delete process.env.TZ;
  else process.env.TZ = zoneBefore;
});

const site = { siteUrl: 'https://shelf.example', ownerName: 'Ada & "Co" <Reader>', ownerBio: "Things I finished, 'mostly' books" };
const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', isArray: (name) => ['entry', 'link'].includes(name) });
const parseAtom = (xml: string) => {
  expect(XMLValidator.validate(xml)).toBe(true);
  return parser.parse(xml).feed;
};

const nasty = 'Salt & <Pepper> "quoted" \'single\' \u0007bell';

describe('Atom feed', () => {
  it('has the required feed and entry elements, with absolute URLs', () => {
    const state = fold(finished('a', { title: 'Dune', creator: 'Frank Herbert', rating: 4.5, url: 'https://example.com/dune' }), finished('b', { kind: 'game', title: 'Outer Wilds', finishedOn: '2026-11-03' }));
    const feed = parseAtom(atomFeed(feedInput(state, site, [])));
    expect(feed['@xmlns']).toBe('http://www.w3.org/2005/Atom');
    expect(feed.id).toBe('https://shelf.example/feed.xml');
    expect(feed.title['#text']).toBe('Ada & "Co" <Reader>: recently finished');
    expect(feed.updated).toBe('2026-11-03T00:00:00+00:00'); // the newest entry's day
    expect(feed.link.map((l: Record<string, string>) => [l['@rel'], l['@href']])).toEqual([
      ['self', 'https://shelf.example/feed.xml'],
      ['alternate', 'https://shelf.example/about'],
    ]);
    expect(feed.author.name).toBe('Ada & "Co" <Reader>');

    expect(feed.entry).toHaveLength(2);
    const [game, book] = feed.entry;
    expect(game.title['#text']).toBe('Finished playing Outer Wilds'); // newest finished first
    expect(book.id).toBe('https://shelf.example/about#entry-a');
    expect(book.title['#text']).toBe('Finished reading Dune');
    // Finished on Nov 1, logged on Nov 23: the day it was finished, and never edited since.
    expect(book.published).toBe('2026-11-01T00:00:00+00:00');
    expect(book.updated).toBe('2026-11-01T00:00:00+00:00');
    expect(book.link.find((l: Record<string, string>) => l['@rel'] === 'alternate')['@href']).toBe('https://shelf.example/entries/a');
    expect(book.link.find((l: Record<string, string>) => l['@rel'] === 'related')['@href']).toBe('https://example.com/dune');
    expect(book.content['@type']).toBe('html');
    expect(book.content['#text']).toContain('Book by Frank Herbert');
    expect(book.content['#text']).toContain('Rated 4.5 out of 5');
  });

  it('escapes &, <, > and quotes in every field, and drops characters XML cannot carry', () => {
    const state = fold(finished('x&y', { title: nasty, creator: nasty, review: `Salt & <script>alert("x")</script> & more`, url: 'https://example.com/?a=1&b="2"' }));
    const xml = atomFeed(feedInput(state, site, []));
    expect(xml).not.toContain('<script>');
    expect(xml).not.toContain('\u0007');
    const [entry] = parseAtom(xml).entry;
    expect(entry.title['#text']).toBe('Finished reading Salt & <Pepper> "quoted" \'single\' bell');
    expect(entry.id).toBe('https://shelf.example/about#entry-x%26y');
    // The content is HTML carried as text: once unescaped by the XML parser, user text is still
    // escaped HTML, and raw HTML in a review is dropped (as on the entry page).
    expect(entry.content['#text']).not.toContain('script');
    expect(entry.content['#text']).toContain('<p>Salt &#x26; alert("x") &#x26; more</p>');
    expect(entry.content['#text']).toContain('Salt &amp; &lt;Pepper&gt;');
    expect(entry.link.find((l: Record<string, string>) => l['@rel'] === 'related')['@href']).toBe('https://example.com/?a=1&b="2"');
  });

  it('is valid with no entries', () => {
    const feed = parseAtom(atomFeed(feedInput(initialMediaState, site, [])));
    expect(feed.entry).toBeUndefined();
    expect(feed.updated).toMatch(/^\d{4}-\d{2}-\d{2}T/);
  });

  it('narrows to kinds, keeping the filter in its links', () => {
    const state = fold(finished('a'), finished('b', { kind: 'movie', title: 'Arrival' }));
    const feed = parseAtom(atomFeed(feedInput(state, site, ['movie'])));
    expect(feed.entry.map((e: { title: { '#text': string } }) => e.title['#text'])).toEqual(['Finished watching Arrival']);
    expect(feed.id).toBe('https://shelf.example/feed.xml?kind=movie');
    expect(feed.title['#text']).toMatch(/: movies$/);
    expect(feed.link[1]['@href']).toBe('https://shelf.example/about?kind=movie');
  });
});

describe('JSON Feed', () => {
  it('has the version, feed fields and items with ids, titles, dates and URLs', () => {
    const state = fold(finished('a', { creator: 'Frank Herbert', review: 'Spice <b>must</b> flow', coverUrl: 'https://img.example/dune.jpg', url: 'https://example.com/dune' }));
    const feed = JSON.parse(JSON.stringify(jsonFeed(feedInput(state, site, []))));
    expect(feed.version).toBe(JSON_FEED_VERSION);
    expect(feed.version).toBe('https://jsonfeed.org/version/1.1');
    expect(feed.title).toBe('Ada & "Co" <Reader>: recently finished');
    expect(feed.home_page_url).toBe('https://shelf.example/about');
    expect(feed.feed_url).toBe('https://shelf.example/feed.json');
    expect(feed.authors).toEqual([{ name: site.ownerName, url: 'https://shelf.example/about' }]);
    expect(feed.items).toEqual([
      expect.objectContaining({
        id: 'https://shelf.example/about#entry-a',
        url: 'https://shelf.example/entries/a',
        external_url: 'https://example.com/dune',
        title: 'Finished reading Dune',
        image: 'https://img.example/dune.jpg',
        date_published: '2026-11-01T00:00:00+00:00',
        date_modified: '2026-11-01T00:00:00+00:00',
        summary: 'Spice must flow',
        tags: ['book'],
      }),
    ]);
    expect(feed.items[0].content_text).toContain('Spice must flow');
    expect(feed.items[0].content_html).toContain('<p>Spice must flow</p>');
    expect(feed.items[0].content_html).not.toContain('<b>');
  });
});

describe('what the feeds carry', () => {
  it('leaves out private and removed entries, and brings a restored one back', () => {
    let state = fold(finished('pub', { title: 'Public' }), finished('priv', { title: 'Private', visibility: 'private' }), finished('gone', { title: 'Gone' }));
    state = evolveMedia(state, envelope({ type: 'MediaRemoved', data: { entryId: 'gone' } }));
    const titles = () => ({
      atom: (parseAtom(atomFeed(feedInput(state, site, []))).entry ?? []).map((e: { title: { '#text': string } }) => e.title['#text']),
      json: jsonFeed(feedInput(state, site, [])).items.map((i) => i.title),
    });
    expect(titles()).toEqual({ atom: ['Finished reading Public'], json: ['Finished reading Public'] });

    state = evolveMedia(state, envelope({ type: 'MediaRestored', data: { entryId: 'gone' } }));
    expect(titles().json.sort()).toEqual(['Finished reading Gone', 'Finished reading Public']);
  });

  it('carries at most FEED_LIMIT entries, the newest', () => {
    const events = Array.from({ length: FEED_LIMIT + 5 }, (_, i) => finished(`n${i}`, { title: `Book ${i}` }));
    const feed = jsonFeed(feedInput(fold(...events), site, []));
    expect(feed.items).toHaveLength(FEED_LIMIT);
    expect(feed.items[0]!.title).toBe(`Finished reading Book ${FEED_LIMIT + 4}`);
  });

  it('lists only finished entries, and carries their tags (Atom categories, JSON Feed tags)', () => {
    const state = fold(
      finished('f', { title: 'Done', tags: ['sci-fi', 'classics'] }),
      { type: 'MediaStarted', data: { entryId: 'r', kind: 'book', title: 'Reading', visibility: 'public', announce: false, status: 'in-progress' } },
      { type: 'MediaStarted', data: { entryId: 'q', kind: 'book', title: 'Quit', visibility: 'public', announce: false, status: 'abandoned' } },
    );
    const atom = parseAtom(atomFeed(feedInput(state, site, [])));
    expect(atom.entry.map((e: { title: { '#text': string } }) => e.title['#text'])).toEqual(['Finished reading Done']);
    const categories = [atom.entry[0].category].flat().map((c: Record<string, string>) => c['@term']);
    expect(categories).toEqual(['book', 'sci-fi', 'classics']);
    const json = jsonFeed(feedInput(state, site, []));
    expect(json.items.map((i) => i.title)).toEqual(['Finished reading Done']);
    expect(json.items[0]!.tags).toEqual(['book', 'sci-fi', 'classics']);
  });
});

describe('reviews in feeds', () => {
  it('keeps a review\'s paragraphs and line breaks, escaped, in both feeds', () => {
    const review = 'Slow start.\n\nThen 5 < 6 & wonderful,\nreally.\r\n\r\nRead it.';
    const state = fold(finished('p', { review }));
    const item = JSON.parse(JSON.stringify(jsonFeed(feedInput(state, site, [])))).items[0];
    expect(item.content_html).toContain('<blockquote><p>Slow start.</p>\n<p>Then 5 &#x3C; 6 &#x26; wonderful,\nreally.</p>\n<p>Read it.</p></blockquote>');
    const atom = parseAtom(atomFeed(feedInput(state, site, [])));
    expect(String(atom.entry[0].content['#text'] ?? atom.entry[0].content)).toContain('<p>Slow start.</p>\n<p>Then 5 &#x3C; 6 &#x26; wonderful,\nreally.</p>');
  });
});

/** The review the issue was found with. */
const SPOILER_REVIEW = 'A **quiet** masterpiece.\n\n>! Estraven dies at the border.\n\nAnd then ||with a homecoming|| it ends.';

describe('what feeds say about a review and the owner (one rendering for every surface)', () => {
  it('renders the review from Markdown, leaves spoilers out with a link to the entry page, and gives a plain summary', () => {
    const state = fold(finished('lh', { title: 'The Left Hand of Darkness', review: SPOILER_REVIEW }));
    const input = feedInput(state, site, []);
    const item = jsonFeed(input).items[0]!;
    expect(item.content_html).toContain('<strong>quiet</strong>');
    expect(item.content_html).toContain('<a href="https://shelf.example/entries/lh"');
    expect(item.summary).toBe('A quiet masterpiece. And then [spoiler] it ends.');
    expect(item.content_text).toContain('A quiet masterpiece.\n\nAnd then [spoiler] it ends.');
    const entry = parseAtom(atomFeed(input)).entry[0];
    expect(entry.summary['#text']).toBe('A quiet masterpiece. And then [spoiler] it ends.');
    expect(entry.content['#text']).toContain('<strong>quiet</strong>');
    for (const text of [item.content_html, item.content_text, item.summary, entry.content['#text'], entry.summary['#text']]) {
      expect(text).not.toMatch(/Estraven|homecoming|\*\*|>!|\|\|/);
    }
  });

  it('carries the bio as text in the feed subtitle and description', () => {
    const bio = 'I write **software** and read.\n\n<img src="x" onerror="alert(1)"> Mostly [books](https://example.com).';
    const input = feedInput(initialMediaState, { ...site, ownerBio: bio }, []);
    expect(parseAtom(atomFeed(input)).subtitle['#text']).toBe('I write software and read. Mostly books.');
    expect(jsonFeed(input).description).toBe('I write software and read. Mostly books.');
  });
});

describe('feed dates', () => {
  const at = (iso: string) => (event: MediaEvent) => ({ ...envelope(event), at: iso }) as EnvelopeOf<MediaEvent>;
  const foldAt = (...steps: [string, MediaEvent][]) => steps.reduce<MediaState>((s, [iso, e]) => evolveMedia(s, at(iso)(e)), initialMediaState);

  it('publishes an entry logged on the day it was finished at the time it was logged', () => {
    const state = foldAt(['2026-11-23T18:30:00.000Z', finished('today', { finishedOn: '2026-11-23' })]);
    const [item] = jsonFeed(feedInput(state, site, [])).items;
    expect(item!.date_published).toBe('2026-11-23T18:30:00.000Z');
    expect(item!.date_modified).toBe('2026-11-23T18:30:00.000Z');
  });

  it('dates imported history by the day it was finished (in the owner\'s zone), orders it so and never as new', () => {
    process.env.TZ = 'Europe/Berlin';
    const state = foldAt(
      ['2026-11-20T09:00:00.000Z', finished('mine', { title: 'Logged by hand', finishedOn: '2026-11-20' })],
      // A Goodreads import on Nov 23 of books read years before.
      ['2026-11-23T10:00:00.000Z', finished('goodreads-1', { title: 'Read in 2022', finishedOn: '2022-03-14', importedFrom: 'goodreads' } as Partial<EntryFields>)],
      ['2026-11-23T10:00:00.001Z', finished('goodreads-2', { title: 'Read in 2024', finishedOn: '2024-07-01', importedFrom: 'goodreads' } as Partial<EntryFields>)],
    );
    const feed = jsonFeed(feedInput(state, site, []));
    expect(feed.items.map((i) => [i.title, i.date_published, i.date_modified])).toEqual([
      ['Finished reading Logged by hand', '2026-11-20T09:00:00.000Z', '2026-11-20T09:00:00.000Z'],
      ['Finished reading Read in 2024', '2024-07-01T00:00:00+02:00', '2024-07-01T00:00:00+02:00'],
      ['Finished reading Read in 2022', '2022-03-14T00:00:00+01:00', '2022-03-14T00:00:00+01:00'],
    ]);
    // The feed itself did not change on the day of the import.
    expect(parseAtom(atomFeed(feedInput(state, site, []))).updated).toBe('2026-11-20T09:00:00.000Z');
  });

  it('counts a later edit as the entry\'s update', () => {
    let state = foldAt(['2026-11-23T10:00:00.000Z', finished('old', { finishedOn: '2022-03-14' })]);
    state = evolveMedia(state, at('2026-11-25T12:00:00.000Z')({ type: 'MediaEdited', data: { entryId: 'old', changes: { rating: { from: null, to: 4 } } } }));
    const [item] = jsonFeed(feedInput(state, site, [])).items;
    expect(item!.date_published).toBe('2022-03-14T00:00:00+00:00');
    expect(item!.date_modified).toBe('2026-11-25T12:00:00.000Z');
  });
});
