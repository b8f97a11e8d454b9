import { Create, Hashtag, Image, Note } from '@fedify/vocab';
import { describe, expect, it } from 'vitest';
import { createOrUpdate, deleteEntry } from './activities';
import { entryNote, type Publishable } from './object';

const ORIGIN = 'https://books.example';
const dune: Publishable = {
  id: 'e1',
  kind: 'book',
  title: 'The Left Hand of Darkness',
  creator: 'Ursula K. Le Guin',
  url: 'https://openlibrary.org/works/OL59863W',
  coverUrl: 'https://covers.example/lhod.jpg',
  rating: 4.5,
  review: 'A **quiet** masterpiece.\n\n>! Estraven dies at the border.\n\nAnd ||a homecoming||. <script>alert(1)</script>',
  finishedOn: '2026-11-20',
  tags: ['sci-fi', 'classics'],
  loggedAt: '2026-11-22T08:00:00.000Z',
  updatedAt: '2026-11-22T08:00:00.000Z',
};

/** What Mastodon keeps of a Note: its HTML as text, the content warning, media and hashtags. */
function asMastodonReads(note: Record<string, unknown>) {
  const text = String(note.content)
    .replace(/<\/p>\s*<p>|<br\s*\/?>/g, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
  const attachments = (note.attachment as { type: string; url: string; name?: string }[] | undefined) ?? [];
  const tags = ((note.tag as { type: string; name: string }[]) ?? []).filter((t) => t.type === 'Hashtag').map((t) => t.name);
  return { type: note.type, text, spoilerText: note.summary ?? '', sensitive: note.sensitive === true, media: attachments.filter((a) => a.type === 'Image'), tags, url: note.url };
}

describe('an entry as a fediverse post', () => {
  it('reads, as Mastodon shows it, with the title, the creator, the rating, the review and a content warning for its spoilers', () => {
    const seen = asMastodonReads(entryNote(dune, ORIGIN));
    expect(seen.type).toBe('Note');
    expect(seen.text).toContain('Finished reading The Left Hand of Darkness by Ursula K. Le Guin');
    expect(seen.text).toContain('★★★★½ (4.5/5)');
    expect(seen.text).toContain('A quiet masterpiece.');
    // Behind the content warning the spoiler is plain text, without the review's markers.
    expect(seen.text).toContain('Estraven dies at the border.');
    expect(seen.text).toContain('And a homecoming.');
    expect(seen.text).not.toMatch(/\|\||>!|Spoiler \(click/);
    expect(seen.spoilerText).toBe('Spoilers: The Left Hand of Darkness');
    expect(seen.sensitive).toBe(true);
    expect(seen.media).toEqual([{ type: 'Image', url: 'https://covers.example/lhod.jpg', name: 'Cover of The Left Hand of Darkness' }]);
    expect(seen.tags).toEqual(['#scifi', '#classics']);
    expect(seen.url).toBe('https://books.example/entries/e1');
  });

  it('renders the review as sanitized HTML: Markdown yes, raw HTML never', () => {
    const { content } = entryNote(dune, ORIGIN) as { content: string };
    expect(content).toContain('<strong>quiet</strong>');
    expect(content).not.toMatch(/<script/);
  });

  it('has no content warning without spoilers, and says only what there is', () => {
    const plain = asMastodonReads(entryNote({ id: 'e2', kind: 'movie', title: 'Perfect Days <3', loggedAt: '2026-11-20T20:00:00.000Z', updatedAt: '2026-11-20T20:00:00.000Z', finishedOn: '2026-11-20' }, ORIGIN));
    expect(plain).toMatchObject({ spoilerText: '', sensitive: false, media: [], tags: [] });
    expect(plain.text).toBe('Finished watching Perfect Days <3');
  });

  it('is published the day it was finished (the logging time when logged that day)', () => {
    expect(entryNote(dune, ORIGIN).published).toBe('2026-11-20T00:00:00Z');
    expect(entryNote({ ...dune, finishedOn: '2026-11-22' }, ORIGIN).published).toBe('2026-11-22T08:00:00.000Z');
  });

  it("carries NeoDB's mark: the work typed as its catalogue does, a Status and a Rating out of 10", () => {
    const note = entryNote(dune, ORIGIN) as { tag: { type: string; href: string; name: string }[]; relatedWith: Record<string, unknown>[] };
    expect(note.tag).toContainEqual({ type: 'Edition', href: 'https://openlibrary.org/works/OL59863W', name: 'The Left Hand of Darkness' });
    const [status, rating] = note.relatedWith;
    expect(status).toMatchObject({ type: 'Status', status: 'complete', withRegardTo: 'https://openlibrary.org/works/OL59863W', attributedTo: 'https://books.example/ap/actors/shelf' });
    expect(rating).toMatchObject({ type: 'Rating', value: 9, best: 10, worst: 1 });
    for (const piece of note.relatedWith) {
      expect(piece.id).toMatch(/^https:\/\/books\.example\/ap\/entries\/e1#/);
      expect(Number.isNaN(Date.parse(String(piece.published)))).toBe(false);
    }
    const kinds = (['movie', 'show', 'game', 'podcast'] as const).map((kind) => (entryNote({ ...dune, kind }, ORIGIN).tag as { type: string }[]).at(-1)!.type);
    expect(kinds).toEqual(['Movie', 'TVShow', 'Game', 'Podcast']);
    expect(entryNote({ ...dune, kind: 'article' }, ORIGIN).relatedWith).toBeUndefined();
  });

  it('is valid ActivityStreams: Fedify reads the Create back with its Note, content warning, cover and hashtags', async () => {
    const create = await Create.fromJsonLd(createOrUpdate('Create', 'create-7', dune, ORIGIN));
    expect(create.id?.href).toBe('https://books.example/ap/activities/create-7');
    expect(create.actorId?.href).toBe('https://books.example/ap/actors/shelf');
    const note = await create.getObject();
    expect(note).toBeInstanceOf(Note);
    expect(String(note!.content)).toContain('The Left Hand of Darkness');
    expect(String(note!.summary)).toBe('Spoilers: The Left Hand of Darkness');
    expect((note as Note).sensitive).toBe(true);
    const attachments = [];
    for await (const a of note!.getAttachments()) attachments.push(a);
    expect(attachments[0]).toBeInstanceOf(Image);
    const hashtags = [];
    for await (const t of note!.getTags()) if (t instanceof Hashtag) hashtags.push(t.name?.toString());
    expect(hashtags).toEqual(['#scifi', '#classics']);
  });

  it('deletes with a Tombstone of the same object id', () => {
    expect(deleteEntry('delete-9', 'e1', ORIGIN)).toMatchObject({ type: 'Delete', object: { id: 'https://books.example/ap/entries/e1', type: 'Tombstone' } });
  });
});
