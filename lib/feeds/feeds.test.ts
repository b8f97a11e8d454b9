import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
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
    expect(feed.updated).toBe(state.entries.get('b')!.updatedAt);
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
    expect(book.updated).toBe(state.entries.get('a')!.updatedAt);
    expect(book.published).toBe(state.entries.get('a')!.loggedAt);
    expect(book.link.find((l: Record<string, string>) => l['@rel'] === 'alternate')['@href']).toBe('https://shelf.example/entries/a');
    expect(book.link.find((l: Record<string, string>) => l['@rel'] === 'related')['@href']).toBe('https://example.com/dune');
    expect(book.content['@type']).toBe('html');
    expect(book.content['#text']).toContain('Book by Frank Herbert');
    expect(book.content['#text']).toContain('Rated 4.5 out of 5');
  });

  it('escapes &, <, > and quotes in every field, and drops characters XML cannot carry', () => {
    const state = fold(finished('x&y', { title: nasty, creator: nasty, review: `<script>alert("x")</script> & more`, url: 'https://example.com/?a=1&b="2"' }));
    const xml = atomFeed(feedInput(state, site, []));
    expect(xml).not.toContain('<script>');
    expect(xml).not.toContain('\u0007');
    const [entry] = parseAtom(xml).entry;
    expect(entry.title['#text']).toBe('Finished reading Salt & <Pepper> "quoted" \'single\' bell');
    expect(entry.id).toBe('https://shelf.example/about#entry-x%26y');
    // The content is HTML carried as text: once unescaped by the XML parser, user text is still escaped HTML.
    expect(entry.content['#text']).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; more');
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
        date_published: state.entries.get('a')!.loggedAt,
        date_modified: state.entries.get('a')!.updatedAt,
        tags: ['book'],
      }),
    ]);
    expect(feed.items[0].content_text).toContain('Spice <b>must</b> flow');
    expect(feed.items[0].content_html).toContain('Spice &lt;b&gt;must&lt;/b&gt; flow');
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
    const review = 'Slow start.\n\nThen <wonderful>,\nreally.\r\n\r\nRead it.';
    const state = fold(finished('p', { review }));
    const item = JSON.parse(JSON.stringify(jsonFeed(feedInput(state, site, [])))).items[0];
    expect(item.content_html).toContain('<blockquote><p>Slow start.</p><p>Then &lt;wonderful&gt;,<br>really.</p><p>Read it.</p></blockquote>');
    const atom = parseAtom(atomFeed(feedInput(state, site, [])));
    expect(String(atom.entry[0].content['#text'] ?? atom.entry[0].content)).toContain('<p>Slow start.</p><p>Then &lt;wonderful&gt;,<br>really.</p>');
  });
});
