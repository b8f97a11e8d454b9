// Endpoint discovery as webmention.rocks checks a sender: the Link header first, then the first
// <link> or <a> with rel="webmention" in document order, relative URLs resolved against the page
// (after redirects), query strings kept, comments and escaped markup ignored.
import { describe, expect, it } from 'vitest';
import { discoverEndpoint, endpointOf } from './discover';
import { useStandInSite } from './testing/site';

const PAGE = 'https://target.example/posts/1';
const html = (body: string, headers: Record<string, string> = {}) => endpointOf(PAGE, new Headers({ 'content-type': 'text/html', ...headers }), body);

describe('finding the endpoint of a fetched page', () => {
  it.each([
    ['an absolute Link header', { link: '<https://wm.example/endpoint>; rel="webmention"' }, '', 'https://wm.example/endpoint'],
    ['a relative Link header', { link: '</wm/endpoint>; rel=webmention' }, '', 'https://target.example/wm/endpoint'],
    ['a Link header with several rel values', { link: '<https://wm.example/e>; rel="somethingelse webmention"' }, '', 'https://wm.example/e'],
    ['the first of several links in one header', { link: '<https://a.example/x>; rel="other", <https://wm.example/e2>; rel="webmention"' }, '', 'https://wm.example/e2'],
    ['a Link header before any HTML link', { link: '<https://wm.example/header>; rel="webmention"' }, '<link rel="webmention" href="https://wm.example/html">', 'https://wm.example/header'],
    ['a relative <link>', {}, '<link rel="webmention" href="../wm">', 'https://target.example/wm'],
    ['a relative <a>', {}, '<a rel="webmention" href="wm.php">x</a>', 'https://target.example/posts/wm.php'],
    ['<a> before <link> in document order', {}, '<body><a rel="webmention" href="/a">x</a><link rel="webmention" href="/link"></body>', 'https://target.example/a'],
    ['a query string kept', {}, '<link rel="webmention" href="/wm?version=1">', 'https://target.example/wm?version=1'],
    ['an empty href: the page itself', {}, '<link rel="webmention" href="">', PAGE],
    ['not rel="not-webmention"', {}, '<link rel="not-webmention" href="/no"><link rel="webmention" href="/yes">', 'https://target.example/yes'],
    ['not an endpoint inside a comment', {}, '<!-- <link rel="webmention" href="/commented"> --><link rel="webmention" href="/real">', 'https://target.example/real'],
    ['not escaped markup in text', {}, '<pre>&lt;a rel="webmention" href="/escaped"&gt;</pre><a rel="webmention" href="/real">x</a>', 'https://target.example/real'],
    ['not a <link> without href', {}, '<link rel="webmention"><link rel="webmention" href="/second">', 'https://target.example/second'],
    ['relative to <base href>', {}, '<base href="https://cdn.example/site/"><link rel="webmention" href="wm">', 'https://cdn.example/site/wm'],
  ])('%s', (_what, headers, body, expected) => {
    expect(html(body, headers as Record<string, string>)).toBe(expected);
  });

  it('finds none on a page without one, and reads no HTML from other types', () => {
    expect(html('<a href="/x">x</a>')).toBeUndefined();
    expect(endpointOf(PAGE, new Headers({ 'content-type': 'application/json' }), '<link rel="webmention" href="/x">')).toBeUndefined();
  });
});

describe('discovering over HTTP', () => {
    const siteOf = useStandInSite();

  it('resolves a relative endpoint against the page that answered after a redirect', async () => {
    siteOf().pages.set('/old/post', { status: 301, headers: { location: '/new/post' } });
    siteOf().pages.set('/new/post', { body: '<link rel="webmention" href="endpoint">' });
    expect(await discoverEndpoint(`${siteOf().url}/old/post`)).toEqual({ endpoint: `${siteOf().url}/new/endpoint`, status: 200 });
  });

  it('refuses private addresses unless OUTBOUND_ALLOW_PRIVATE=1', async () => {
    delete process.env.OUTBOUND_ALLOW_PRIVATE;
    await expect(discoverEndpoint(`${siteOf().url}/new/post`)).rejects.toMatchObject({ reason: 'private-address' });
    process.env.OUTBOUND_ALLOW_PRIVATE = '1';
  });
});
