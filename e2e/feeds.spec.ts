import { expect, test } from '@playwright/test';
// fast-xml-parser (dev dependency): a real XML parser, so the test proves the document is well-formed
// XML that a feed reader can read, rather than matching strings in it.
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { baseURL } from '../playwright.config';
import { logEntry, uniqueTitle } from './support/api';

const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', isArray: (name) => ['entry', 'link', 'category'].includes(name) });

interface AtomEntry {
  id: string;
  title: { '#text': string };
  updated: string;
  link: { '@rel': string; '@href': string }[];
  category: { '@term': string }[];
  content: { '#text': string };
}

async function fetchAtom(request: import('@playwright/test').APIRequestContext, query = '') {
  const response = await request.get(`/feed.xml${query}`);
  expect(response.status()).toBe(200);
  expect(response.headers()['content-type']).toBe('application/atom+xml; charset=utf-8');
  const xml = await response.text();
  expect(XMLValidator.validate(xml)).toBe(true);
  return parser.parse(xml).feed as {
    id: string;
    title: { '#text': string };
    updated: string;
    link: { '@rel': string; '@href': string }[];
    author: { name: string };
    entry?: AtomEntry[];
  };
}

// RFC 3339: UTC for a time logged, the owner's offset for the start of a day finished earlier.
const isoTime = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

test('the Atom feed parses and has the required feed and entry elements, with absolute URLs', async ({ request }) => {
  const title = uniqueTitle(`Salt & <Pepper> "quoted" 'single'`);
  const logged = await logEntry(request, { kind: 'book', title, creator: 'A & B <co>', rating: 4.5, review: 'Fine & <script>alert(1)</script> **done**', url: 'https://example.com/?a=1&b=2' });

  const feed = await fetchAtom(request);
  expect(feed.id).toBe(`${baseURL}/feed.xml`);
  expect(feed.title['#text']).toBe('Ada Reader: recently finished');
  expect(feed.updated).toMatch(isoTime);
  expect(feed.link).toContainEqual(expect.objectContaining({ '@rel': 'self', '@href': `${baseURL}/feed.xml` }));
  expect(feed.link).toContainEqual(expect.objectContaining({ '@rel': 'alternate', '@href': `${baseURL}/about` }));
  expect(feed.author.name).toBe('Ada Reader');

  expect(feed.entry!.length).toBeGreaterThan(0);
  for (const entry of feed.entry!) {
    expect(entry.id).toMatch(new RegExp(`^${baseURL}/about#entry-`));
    expect(entry.title['#text']).toMatch(/^Finished /);
    expect(entry.updated).toMatch(isoTime);
    // The id stays the About page anchor (readers keep their entries); the link is the entry's own page.
    expect(entry.link.find((l) => l['@rel'] === 'alternate')!['@href']).toBe(entry.id.replace('/about#entry-', '/entries/'));
  }
  const mine = feed.entry!.find((e) => e.id === `${baseURL}/about#entry-${logged.id}`)!;
  expect(mine.title['#text']).toBe(`Finished reading ${title}`);
  expect(mine.link).toContainEqual(expect.objectContaining({ '@rel': 'related', '@href': 'https://example.com/?a=1&b=2' }));
  // HTML content: the user's text in it is escaped, so a reader shows the markup instead of running
  // it; the review is Markdown rendered and sanitised, raw HTML dropped (as on the entry page).
  expect(mine.content['#text']).toContain('Book by A &amp; B &lt;co&gt;');
  expect(mine.content['#text']).toContain('<strong>done</strong>');
  expect(mine.content['#text']).not.toContain('<script');
  expect(mine.content['#text']).toContain('Rated 4.5 out of 5');
});

test('the JSON Feed has the version and items with ids, titles, dates and URLs', async ({ request }) => {
  const title = uniqueTitle('JSON & <Feed> Game');
  const logged = await logEntry(request, { kind: 'game', title, coverUrl: 'https://img.example/c.png' });
  const response = await request.get('/feed.json');
  expect(response.headers()['content-type']).toBe('application/feed+json; charset=utf-8');
  const feed = await response.json();
  expect(feed.version).toBe('https://jsonfeed.org/version/1.1');
  expect(feed.title).toBe('Ada Reader: recently finished');
  expect(feed.home_page_url).toBe(`${baseURL}/about`);
  expect(feed.feed_url).toBe(`${baseURL}/feed.json`);
  expect(feed.items.length).toBeGreaterThan(0);
  for (const item of feed.items) {
    expect(typeof item.id).toBe('string');
    expect(item.title).toMatch(/^Finished /);
    expect(item.date_published).toMatch(isoTime);
    expect(item.id).toMatch(new RegExp(`^${baseURL}/about#entry-`));
    expect(item.url).toBe(item.id.replace('/about#entry-', '/entries/'));
  }
  expect(feed.items.find((i: { id: string }) => i.id === `${baseURL}/about#entry-${logged.id}`)).toMatchObject({
    title: `Finished playing ${title}`,
    image: 'https://img.example/c.png',
    tags: ['game'],
  });
});

test('private entries are in neither feed', async ({ request }) => {
  const secret = await logEntry(request, { kind: 'book', title: uniqueTitle('Private Feed Book'), visibility: 'private' });
  const visible = await logEntry(request, { kind: 'book', title: uniqueTitle('Public Feed Book') });
  const atom = await (await request.get('/feed.xml')).text();
  const json = await (await request.get('/feed.json')).text();
  for (const body of [atom, json]) {
    expect(body).toContain(visible.id);
    expect(body).not.toContain(secret.id);
    expect(body).not.toContain(secret.title);
  }
});

test('?kind= gives one kind, with the filter kept in the feed links', async ({ request }) => {
  const movie = await logEntry(request, { kind: 'movie', title: uniqueTitle('Feed Movie') });
  const book = await logEntry(request, { kind: 'book', title: uniqueTitle('Feed Book') });

  const atom = await fetchAtom(request, '?kind=movie');
  expect(atom.id).toBe(`${baseURL}/feed.xml?kind=movie`);
  expect(atom.title['#text']).toBe('Ada Reader: movies');
  expect(new Set(atom.entry!.flatMap((e) => e.category.map((c) => c['@term'])))).toEqual(new Set(['movie']));
  expect(atom.entry!.map((e) => e.id)).toContain(`${baseURL}/about#entry-${movie.id}`);
  expect(atom.entry!.map((e) => e.id)).not.toContain(`${baseURL}/about#entry-${book.id}`);

  const json = await (await request.get('/feed.json?kind=movie')).json();
  expect(json.feed_url).toBe(`${baseURL}/feed.json?kind=movie`);
  expect(new Set(json.items.flatMap((i: { tags: string[] }) => i.tags))).toEqual(new Set(['movie']));

  // An unknown kind is ignored rather than an error.
  expect((await request.get('/feed.xml?kind=opera')).status()).toBe(200);
});

test('a reader that already has the current feed gets 304 Not Modified', async ({ request }) => {
  for (const path of ['/feed.xml', '/feed.json']) {
    const first = await request.get(path);
    const etag = first.headers()['etag'];
    expect(etag).toBeTruthy();
    const again = await request.get(path, { headers: { 'if-none-match': etag! } });
    // Another test may log an entry in between: then the feed changed, and a full 200 is right.
    if (again.status() === 200) expect(again.headers()['etag']).not.toBe(etag);
    else expect(again.status()).toBe(304);
  }
});
