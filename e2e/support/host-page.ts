// A stand-in for someone else's blog: a tiny HTTP server on its own port (so its own origin)
// that serves whatever HTML a test gives it.
import { createServer } from 'node:http';
import { freePort } from './app-server';

export interface HostPage {
  /** `http://127.0.0.1:<port>`: a different origin from the app. */
  origin: string;
  close(): Promise<void>;
}

type Page = string | { type: string; body: string };

/** Serves `pages[path]` (HTML, or another type when given); anything else is a 404. */
export async function startHostPage(pages: Record<string, Page>): Promise<HostPage> {
  const port = await freePort();
  const server = createServer((req, res) => {
    const page = pages[new URL(req.url ?? '/', 'http://x').pathname];
    if (page === undefined) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    const { type, body } = typeof page === 'string' ? { type: 'text/html; charset=utf-8', body: page } : page;
    res.writeHead(200, { 'content-type': type }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** A blog post with the given HTML between two paragraphs. */
export const blogPost = (body: string) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>A blog</title>
<style>body { font-family: sans-serif; max-width: 40rem; margin: 2rem auto; }</style></head>
<body><h1>My blog</h1><p>Here is what I finished lately:</p>
${body}
<p id="after">Thanks for reading.</p></body></html>`;
