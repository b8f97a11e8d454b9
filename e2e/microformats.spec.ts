import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { mf2 } from 'microformats-parser';
import { startAppServer, type AppServer } from './support/app-server';

// The pages as IndieWeb readers see them, parsed with microformats-parser (the reference parser
// for JavaScript): /about is an h-feed of h-entries with the owner's h-card, and each entry page
// an h-entry (an h-review when rated or reviewed) citing the work under the property of its kind.
let server: AppServer;

interface Item {
  type: string[];
  properties: Record<string, unknown[]>;
  children?: Item[];
  value?: unknown;
}

test.describe.configure({ mode: 'serial' });
test.beforeAll(async () => {
  const eventsDir = mkdtempSync(join(tmpdir(), 'shelf-e2e-mf2-'));
  writeFileSync(
    join(eventsDir, 'settings.json'),
    JSON.stringify({
      revision: 1,
      settings: {
        ownerName: 'Ada Reader',
        bio: 'I read and note it here.',
        avatarUrl: 'https://img.example/ada.jpg',
        links: [{ label: 'Mastodon', url: 'https://social.example/@ada' }],
        siteTitle: 'Ada’s shelf',
        widget: { limit: 10, theme: 'auto', layout: 'list', covers: true, ratings: true, reviews: true },
      },
    }),
  );
  server = await startAppServer({ EVENTS_DIR: eventsDir });
});
test.afterAll(async () => {
  await server?.stop();
});

async function log(entry: Record<string, unknown>): Promise<string> {
  const response = await fetch(`${server.url}/api/media`, {
    method: 'POST',
    headers: { authorization: `Bearer ${process.env.E2E_ADMIN_TOKEN}`, 'content-type': 'application/json' },
    body: JSON.stringify(entry),
  });
  expect(response.status).toBe(201);
  return (await response.json()).entry.id;
}

async function parse(path: string) {
  const response = await fetch(`${server.url}${path}`);
  expect(response.status).toBe(200);
  return { parsed: mf2(await response.text(), { baseUrl: `${server.url}${path}` }), link: response.headers.get('link') ?? '' };
}

const cite = (name: string, extra: Record<string, unknown[]> = {}) => ({ type: ['h-cite'], properties: { name: [name], ...extra } });
/** The work as a u-* property parses (its value is its URL, which the work may not have) and as the review's p-item (its name). */
const asWork = (name: string, extra: Record<string, unknown[]> = {}) => ({ ...cite(name, extra), value: (extra.url?.[0] as string | undefined) ?? expect.any(String) });
const asItem = (name: string, extra: Record<string, unknown[]> = {}) => ({ ...cite(name, extra), value: name });

test('/about is an h-feed of h-entries, with the owner as its h-card author', async () => {
  const dune = await log({ kind: 'book', title: 'Dune', creator: 'Frank Herbert', url: 'https://books.example/dune', rating: 4.5, review: 'Sand and **politics**.', tags: ['sci-fi', 'classic'], finishedOn: '2026-11-20' });
  const alien = await log({ kind: 'movie', title: 'Alien', creator: 'Ridley Scott', finishedOn: '2026-11-18' });
  const hades = await log({ kind: 'game', title: 'Hades', finishedOn: '2026-11-10' });
  const pod = await log({ kind: 'podcast', title: 'Some Show', finishedOn: '2026-11-09' });
  const reading = await log({ kind: 'book', title: 'Middlemarch', creator: 'George Eliot', status: 'in-progress', startedOn: '2026-11-01' });

  const { parsed, link } = await parse('/about');
  expect(parsed.items).toHaveLength(1);
  const feed = parsed.items[0] as unknown as Item;
  expect(feed.type).toEqual(['h-feed']);
  expect(feed.properties.author).toEqual([
    {
      type: ['h-card'],
      properties: { url: [`${server.url}/`, 'https://social.example/@ada'], uid: [`${server.url}/`], photo: ['https://img.example/ada.jpg'], name: ['Ada Reader'] },
      value: 'Ada Reader',
    },
  ]);
  expect(parsed.rels.me).toEqual(['https://social.example/@ada']);

  const children = feed.children!;
  expect(children.map((c) => c.type.includes('h-entry'))).toEqual(children.map(() => true));
  const byUrl = new Map(children.map((c) => [c.properties.url?.[0], c]));
  const url = (id: string) => `${server.url}/entries/${id}`;
  expect([...byUrl.keys()].sort()).toEqual([dune, alien, hades, pod, reading].map(url).sort());

  const duneWork = { url: ['https://books.example/dune'], author: ['Frank Herbert'] };
  expect(byUrl.get(url(dune))).toEqual({
    id: `entry-${dune}`,
    type: ['h-entry', 'h-review'],
    properties: {
      url: [url(dune)],
      uid: [url(dune)],
      published: ['2026-11-20'],
      'read-status': ['finished'],
      rating: ['4.5'],
      best: ['5'],
      'read-of': [asWork('Dune', duneWork)],
      item: [asItem('Dune', duneWork)],
      content: [expect.objectContaining({ value: expect.stringContaining('Sand and') })],
      category: ['sci-fi', 'classic'],
    },
  });
  expect(byUrl.get(url(alien))!.properties['watch-of']).toEqual([asWork('Alien', { author: ['Ridley Scott'] })]);
  expect(byUrl.get(url(alien))!.type).toEqual(['h-entry']);
  expect(byUrl.get(url(alien))!.properties['read-status']).toBeUndefined();
  expect(byUrl.get(url(hades))!.properties['play-of']).toEqual([asWork('Hades')]);
  expect(byUrl.get(url(pod))!.properties['listen-of']).toEqual([asWork('Some Show')]);
  expect(byUrl.get(url(reading))!.properties).toMatchObject({ published: ['2026-11-01'], 'read-status': ['reading'], 'read-of': [asWork('Middlemarch', { author: ['George Eliot'] })] });

  for (const rel of ['micropub', 'indieauth-metadata', 'authorization_endpoint', 'token_endpoint', 'webmention']) {
    expect(parsed.rels[rel]?.[0]).toMatch(new RegExp(`^${server.url}/`));
    expect(link).toContain(`rel="${rel}"`);
  }
});

test('an entry page is an h-entry and h-review citing the work, its spoilers hidden', async () => {
  const id = await log({
    kind: 'book', title: 'The Left Hand of Darkness', creator: 'Ursula K. Le Guin', url: 'https://books.example/lhod', rating: 5,
    review: 'A **quiet** masterpiece.\n\n>! Estraven dies at the border.', tags: ['sci-fi'], finishedOn: '2026-11-19',
  });
  const { parsed, link } = await parse(`/entries/${id}`);
  const entries = parsed.items.filter((i) => i.type?.includes('h-entry')) as unknown as Item[];
  expect(entries).toHaveLength(1);
  const entry = entries[0]!;
  expect(entry.type).toEqual(['h-entry', 'h-review']);
  const work = { url: ['https://books.example/lhod'], author: ['Ursula K. Le Guin'] };
  expect(entry.properties).toMatchObject({
    url: [`${server.url}/entries/${id}`],
    published: ['2026-11-19'],
    'read-status': ['finished'],
    rating: ['5'],
    best: ['5'],
    category: ['sci-fi'],
    'read-of': [asWork('The Left Hand of Darkness', work)],
    item: [asItem('The Left Hand of Darkness', work)],
  });
  const [content] = entry.properties.content as { html: string; value: string }[];
  expect(content!.html).toContain('<strong>quiet</strong>');
  // The spoiler stays behind its "Spoiler" box, as on the page.
  expect(content!.html).toMatch(/<details class="spoiler">\s*<summary>Spoiler[^<]*<\/summary>\s*<p>Estraven dies at the border\.<\/p>/);
  for (const rel of ['micropub', 'indieauth-metadata', 'authorization_endpoint', 'token_endpoint', 'webmention']) {
    expect(parsed.rels[rel]).toEqual([expect.stringMatching(new RegExp(`^${server.url}/`))]);
    expect(link).toContain(`rel="${rel}"`);
  }
});

test('the year page marks each entry it names as an h-entry citing its work', async () => {
  const { parsed } = await parse('/year/2026');
  const entries = parsed.items.filter((i) => i.type?.includes('h-entry')) as unknown as Item[];
  expect(entries.length).toBeGreaterThan(0);
  for (const entry of entries) {
    expect(entry.properties.url?.[0]).toMatch(new RegExp(`^${server.url}/entries/`));
    expect(entry.properties.published?.[0]).toMatch(/^2026-\d\d-\d\d$/);
    const work = Object.keys(entry.properties).find((p) => ['read-of', 'watch-of', 'listen-of', 'play-of'].includes(p));
    expect((entry.properties[work!]![0] as Item).type).toEqual(['h-cite']);
  }
  const best = entries.find((e) => e.properties.rating);
  expect(best?.properties).toMatchObject({ rating: ['5'], best: ['5'], 'read-of': [asWork('The Left Hand of Darkness', { url: ['https://books.example/lhod'], author: ['Ursula K. Le Guin'] })] });
});
