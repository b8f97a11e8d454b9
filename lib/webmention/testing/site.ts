// A stand-in for another person's site in tests: pages by path (status, headers, body) and a
// Webmention endpoint that records what it is sent. On 127.0.0.1, reached with OUTBOUND_ALLOW_PRIVATE=1.
import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll } from 'vitest';

export interface Page {
  status?: number;
  headers?: Record<string, string>;
  body?: string;
}

export interface StandInSite {
  url: string;
  pages: Map<string, Page | ((url: string) => Page)>;
  /** Form bodies POSTed to any path, with the path. */
  received: { path: string; form: URLSearchParams }[];
  /** Statuses to answer POSTs with, in order (then 202). */
  postPlan: number[];
  close(): Promise<void>;
}

export async function standInSite(): Promise<StandInSite> {
  const site: StandInSite = { url: '', pages: new Map(), received: [], postPlan: [], close: async () => {} };
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => {
      const path = req.url ?? '/';
      if (req.method === 'POST') {
        site.received.push({ path, form: new URLSearchParams(Buffer.concat(chunks).toString('utf8')) });
        res.writeHead(site.postPlan.shift() ?? 202, { 'content-type': 'text/plain' }).end('ok');
        return;
      }
      const entry = site.pages.get(path);
      const page = typeof entry === 'function' ? entry(site.url + path) : entry;
      if (!page) return void res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      res.writeHead(page.status ?? 200, { 'content-type': 'text/html; charset=utf-8', ...page.headers }).end(page.body ?? '');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  site.url = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  site.close = () => new Promise((resolve) => server.close(() => resolve()));
  return site;
}

/** A stand-in site for a test file's lifetime, reachable with OUTBOUND_ALLOW_PRIVATE=1 meanwhile. */
export function useStandInSite(): () => StandInSite {
  let site: StandInSite | undefined;
  beforeAll(async () => {
    process.env.OUTBOUND_ALLOW_PRIVATE = '1';
    site = await standInSite();
  });
  afterAll(async () => {
    await site?.close();
    delete process.env.OUTBOUND_ALLOW_PRIVATE;
  });
  return () => site!;
}
