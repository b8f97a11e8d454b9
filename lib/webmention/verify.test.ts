import { describe, expect, it } from 'vitest';
import { citedUrls } from './cited';
import { readSource } from './verify';

const TARGET = 'https://shelf.example/entries/abc';
const SOURCE = 'https://alice.example/notes/1';
const read = (body: string, type = 'text/html') => readSource(SOURCE, type, body, TARGET);

describe('verifying a source', () => {
  it('accepts a page that links to the target, relative links resolved, and reads a like with its author h-card', () => {
    const page = `<div class="h-entry"><a class="p-author h-card" href="https://alice.example/"><img class="u-photo" src="/me.jpg" alt="">Alice</a>
      liked <a class="u-like-of" href="${TARGET}">this</a> <a class="u-url" href="/notes/1">#</a></div>`;
    expect(read(page)).toEqual({
      outcome: 'links',
      mention: { kind: 'like', author: { name: 'Alice', photo: 'https://alice.example/me.jpg', url: undefined }, content: undefined, url: 'https://alice.example/notes/1', published: undefined },
    });
  });

  it('reads a reply (in-reply-to as an h-cite) with its text content, never its HTML', () => {
    const page = `<article class="h-entry"><div class="u-in-reply-to h-cite"><a class="u-url" href="${TARGET}">Dune</a></div>
      <div class="e-content">So <b>good</b>! <script>alert(1)</script></div><span class="p-author">Bob</span><time class="dt-published" datetime="2026-11-21">x</time></article>`;
    const result = read(page);
    expect(result).toMatchObject({ outcome: 'links', mention: { kind: 'reply', author: { name: 'Bob' }, published: '2026-11-21' } });
    if (result.outcome !== 'links') throw new Error('not verified');
    expect(result.mention.content).toMatch(/^So good!/);
    expect(result.mention.content).not.toContain('<');
  });

  it('reads a repost and a plain mention, and a page with no h-entry as a mention by its h-card', () => {
    expect(read(`<div class="h-entry"><a class="u-repost-of" href="${TARGET}">x</a></div>`)).toMatchObject({ mention: { kind: 'repost' } });
    expect(read(`<div class="h-entry"><p class="e-content">See <a href="${TARGET}">this</a></p></div>`)).toMatchObject({ mention: { kind: 'mention', content: 'See this' } });
    expect(read(`<p class="h-card"><span class="p-name">Carol</span></p><a href="/entries/abc">x</a>`.replace('/entries/abc', TARGET))).toMatchObject({
      mention: { kind: 'mention', author: { name: 'Carol' } },
    });
  });

  it('refuses a page that does not link (a link in a comment or as text does not count)', () => {
    expect(read(`<p>${TARGET}</p><!-- <a href="${TARGET}">x</a> -->`)).toMatchObject({ outcome: 'not-linking' });
    expect(read('<a href="https://shelf.example/entries/abcd">close</a>')).toMatchObject({ outcome: 'not-linking' });
  });

  it('accepts plain text and JSON that contain the URL, and reads no other types', () => {
    expect(read(`see ${TARGET}`, 'text/plain')).toMatchObject({ outcome: 'links', mention: { kind: 'mention' } });
    expect(read(JSON.stringify({ link: TARGET }), 'application/json')).toMatchObject({ outcome: 'links' });
    expect(read(TARGET, 'image/png')).toMatchObject({ outcome: 'not-linking' });
  });

  it('keeps only http(s) photos and URLs of an author', () => {
    const page = `<div class="h-entry"><div class="p-author h-card"><span class="p-name">Eve</span><img class="u-photo" src="javascript:alert(1)"></div><a class="u-like-of" href="${TARGET}">x</a></div>`;
    expect(read(page)).toMatchObject({ mention: { author: { name: 'Eve', photo: undefined } } });
  });
});

describe('the URLs an entry cites', () => {
  it('are its link and the links of its review as the page renders them, once each, http(s) only', () => {
    expect(
      citedUrls({
        url: 'https://books.example/dune',
        review: 'Loved [this essay](https://essays.example/a) and <https://blog.example/b>.\n\n>! [spoiler link](https://c.example/)\n\n[a reference][ref] [x](javascript:alert(1)) [again](https://books.example/dune)\n\n[ref]: https://refs.example/r\n[unused]: https://unused.example/',
      }),
    ).toEqual(['https://books.example/dune', 'https://essays.example/a', 'https://blog.example/b', 'https://c.example/', 'https://refs.example/r']);
    expect(citedUrls({})).toEqual([]);
  });

  it('are found when the colon is a character reference, and a review without a colon cites nothing', () => {
    expect(citedUrls({ review: '[one](https&#58;//one.example/) and [two](https&colon;//two.example/)' })).toEqual(['https://one.example/', 'https://two.example/']);
    expect(citedUrls({ review: 'Loved it. [a page](/entries/x), [another](www.example.com)' })).toEqual([]);
  });
});
