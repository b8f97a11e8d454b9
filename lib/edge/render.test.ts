import type { IncomingMessage, ServerResponse } from 'node:http';
import { describe, expect, it } from 'vitest';
import { partyFromHeaders } from '../http/edge-stamp';
import { renderInProcess } from './render';

const party = { address: '203.0.113.4', key: '203.0.113.4', origin: 'https://books.example' };
const headerReader = (req: IncomingMessage) => ({ get: (name: string) => (req.headers[name] as string | undefined) ?? null });

describe('renderInProcess', () => {
  it("drives Next's handler in memory with the asking party's stamp and host, and keeps a streamed HTML page", async () => {
    const seen: { url?: string; host?: string; party?: ReturnType<typeof partyFromHeaders>; socket?: unknown } = {};
    const next = (req: IncomingMessage, res: ServerResponse) => {
      Object.assign(seen, { url: req.url, host: req.headers.host, party: partyFromHeaders(headerReader(req)) });
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'transfer-encoding': 'chunked', vary: 'rsc' });
      res.write('<html><body>');
      setTimeout(() => res.end('streamed</body></html>'), 5);
    };
    const { answer, keep } = await renderInProcess(next, '/about?kind=book', party);
    expect(seen).toMatchObject({ url: '/about?kind=book', host: 'books.example', party });
    expect(keep).toBe(true);
    expect(answer.status).toBe(200);
    expect(answer.body!.text()).toBe('<html><body>streamed</body></html>');
    expect(answer.headers).toMatchObject({ 'content-type': 'text/html; charset=utf-8', vary: 'rsc' });
    expect(answer.headers['transfer-encoding']).toBeUndefined(); // per transfer: the edge writes its own
  });

  it('keeps 404 pages, and never a page with a cookie, an error or something other than HTML', async () => {
    const answering = (status: number, headers: Record<string, string | string[]>) => (_req: IncomingMessage, res: ServerResponse) => void res.writeHead(status, headers).end('x');
    const html = { 'content-type': 'text/html; charset=utf-8' };
    expect((await renderInProcess(answering(404, html), '/nope', party)).keep).toBe(true);
    expect((await renderInProcess(answering(200, { ...html, 'set-cookie': ['a=1'] }), '/about', party)).keep).toBe(false);
    expect((await renderInProcess(answering(500, html), '/about', party)).keep).toBe(false);
    expect((await renderInProcess(answering(200, { 'content-type': 'text/x-component' }), '/about', party)).keep).toBe(false);
  });
});
