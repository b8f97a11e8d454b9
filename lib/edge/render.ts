import type { IncomingMessage, ServerResponse } from 'node:http';
import inject from 'light-my-request';
import { Body, type Answer } from '../http/answer';
import { stampHeaders } from '../http/edge-stamp';
import type { RequestParty } from '../http/request-party';

/** Next's request handler (a custom server's `app.getRequestHandler()`). */
export type NextHandler = (req: IncomingMessage, res: ServerResponse) => Promise<void> | void;

/** Headers that describe one transfer, not the page: dropped from what is kept (the edge writes its own). */
const PER_TRANSFER = new Set(['connection', 'keep-alive', 'transfer-encoding', 'content-length', 'content-encoding', 'date']);

/** Pages bigger than this are served but not kept. */
const MAX_KEPT_BODY = 8 << 20;

/**
 * Renders a page with Next in this process: Next's own request handler, driven with an in-memory
 * request and response (light-my-request: no socket, so no connection the client limits count),
 * stamped with the party of the request it is for, so a page that names the site absolutely names
 * it as that request reached it. Only a 200 or 404 HTML page without cookies may be kept.
 */
export async function renderInProcess(next: NextHandler, url: string, party: RequestParty): Promise<{ answer: Answer; keep: boolean }> {
  const headers = stampHeaders({ accept: 'text/html', 'accept-encoding': 'identity', 'user-agent': 'Shelf edge (in-process render)' } as Record<string, string>, party);
  const response = await inject(next as never, {
    method: 'GET',
    url,
    headers,
    authority: party.origin ? new URL(party.origin).host : 'localhost',
    remoteAddress: party.address,
  });
  const kept: Record<string, string> = {};
  for (const [name, value] of Object.entries(response.headers)) {
    if (value === undefined || PER_TRANSFER.has(name)) continue;
    kept[name] = Array.isArray(value) ? value.join(', ') : String(value);
  }
  const body = response.rawPayload;
  const answer: Answer = { status: response.statusCode, headers: kept, body: Body.ofBytes(body) };
  const keep =
    (response.statusCode === 200 || response.statusCode === 404) &&
    (kept['content-type'] ?? '').startsWith('text/html') &&
    response.headers['set-cookie'] === undefined &&
    body.byteLength <= MAX_KEPT_BODY;
  return { answer, keep };
}
