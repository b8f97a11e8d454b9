// Stand-ins for the other side of the IndieWeb in end-to-end tests: a Micropub client's pages and
// another person's site, each a plain HTTP server on 127.0.0.1 (Shelf reaches them with
// OUTBOUND_ALLOW_PRIVATE=1), and discovery as a client does it, with microformats-parser.
import { createServer, type Server } from 'node:http';
import { mf2 } from 'microformats-parser';
import LinkHeader from 'http-link-header';

export interface Site {
  url: string;
  /** Pages by path: HTML (a string) or a full answer. */
  pages: Map<string, string | { status: number; headers?: Record<string, string>; body?: string }>;
  /** Every request: method, path with query, form body. */
  requests: { method: string; path: string; form: URLSearchParams }[];
  close(): Promise<void>;
}

export async function startSite(): Promise<Site> {
  const site: Site = { url: '', pages: new Map(), requests: [], close: async () => {} };
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (d) => (body += d));
    req.on('end', () => {
      const path = req.url ?? '/';
      site.requests.push({ method: req.method ?? 'GET', path, form: new URLSearchParams(body) });
      const page = site.pages.get(path.split('?')[0]!);
      if (req.method === 'POST') return void res.writeHead(202, { 'content-type': 'text/plain' }).end('accepted');
      if (page === undefined) return void res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      if (typeof page === 'string') return void res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page);
      res.writeHead(page.status, { 'content-type': 'text/html; charset=utf-8', ...page.headers }).end(page.body ?? '');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  site.url = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  site.close = () => new Promise((resolve) => server.close(() => resolve()));
  return site;
}

/** What a client finds at a profile URL: rel values from the Link header first, then the HTML's. */
export async function discover(profile: string): Promise<{ finalUrl: string; rels: Record<string, string> }> {
  const response = await fetch(profile, { redirect: 'follow' });
  const rels: Record<string, string> = {};
  for (const link of LinkHeader.parse(response.headers.get('link') ?? '').refs) rels[link.rel] ??= new URL(link.uri, response.url).href;
  const parsed = mf2(await response.text(), { baseUrl: response.url });
  for (const [rel, urls] of Object.entries(parsed.rels)) rels[rel] ??= urls[0]!;
  return { finalUrl: response.url, rels };
}
