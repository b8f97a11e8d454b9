import 'server-only';
// Requests to the fediverse routes (/.well-known/webfinger, /ap/...), from Next's route handlers.
// Fedify reads ids off the request's URL, so each request is handed over at the site's public
// address (SITE_URL, else the address the edge saw): ids are then right behind a proxy too.
import { partyFromHeaders } from '../http/edge-stamp';
import { jsonError } from '../http/json';
import { readCappedBytes } from '../http/capped-body';
import { publicOrigin } from '../http/public-origin';
import { readyMediaStore } from '../media/store';
import { federation } from './federation';
import { entryNote } from './object';
import { isPublishedEntry } from './eligibility';
import { outboxCollection, outboxPage } from './outbox';

import { AP_CONTENT_TYPE } from './deliver';
export { AP_CONTENT_TYPE };
/** An activity is a few KiB; Mastodon's own limit for an inbox POST is 1 MiB. */
export const MAX_INBOX_BYTES = 256 * 1024;

/** Whether the client asked for ActivityPub JSON rather than a page. */
export function wantsActivityJson(request: Request): boolean {
  const accept = request.headers.get('accept') ?? '';
  return /application\/(activity\+json|ld\+json)/i.test(accept);
}

const activityJson = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': AP_CONTENT_TYPE, 'cache-control': 'no-store', vary: 'Accept' } });

/** The request as Fedify must see it: at the public origin, the body read within its cap. */
async function atPublicOrigin(request: Request): Promise<Request | Response> {
  const origin = publicOrigin(partyFromHeaders(request.headers));
  const incoming = new URL(request.url);
  const headers = new Headers(request.headers);
  headers.set('host', new URL(origin).host);
  let body: Buffer | undefined;
  if (request.method === 'POST') {
    body = await readCappedBytes(request, MAX_INBOX_BYTES);
    if (!body) return jsonError(413, `Body too large: at most ${MAX_INBOX_BYTES} bytes`);
  }
  return new Request(new URL(incoming.pathname + incoming.search, origin), { method: request.method, headers, body: body ? new Uint8Array(body) : undefined });
}

/** WebFinger, the actor, its followers and inboxes: Fedify answers. A browser asking for the actor gets the About page. */
export async function federationAnswer(request: Request): Promise<Response> {
  const prepared = await atPublicOrigin(request);
  if (prepared instanceof Response) return prepared;
  return (await federation()).fetch(prepared, {
    contextData: undefined,
    onNotFound: () => jsonError(404, 'Not found'),
    onNotAcceptable: (req) => (new URL(req.url).pathname.startsWith('/ap/actors/') ? Response.redirect(new URL('/about', req.url), 303) : jsonError(406, 'Ask for application/activity+json')),
    onUnauthorized: () => jsonError(401, 'Not authorized'),
  });
}

/** The outbox: an OrderedCollection, paged, of the Creates of public finished entries, newest first. */
export async function outboxAnswer(request: Request): Promise<Response> {
  const origin = publicOrigin(partyFromHeaders(request.headers));
  const page = new URL(request.url).searchParams.get('page');
  const state = (await readyMediaStore()).snapshot();
  if (page === null) return activityJson(outboxCollection(state, origin));
  const n = /^[1-9]\d{0,6}$/.test(page) ? Number(page) : NaN;
  if (!Number.isSafeInteger(n)) return jsonError(400, 'page must be a whole number from 1', { page: 'page must be a whole number from 1' });
  const body = outboxPage(state, origin, n);
  return body ? activityJson(body) : jsonError(404, `There is no page ${n}`);
}

/** An entry's Note; a browser goes to the entry's page. Private, removed or unfinished entries are 404. */
export async function entryObjectAnswer(request: Request, entryId: string): Promise<Response> {
  const origin = publicOrigin(partyFromHeaders(request.headers));
  const entry = (await readyMediaStore()).snapshot().entries.get(entryId);
  if (!entry || !isPublishedEntry(entry, { includeImported: true })) return jsonError(404, 'No such public entry');
  if (!wantsActivityJson(request)) return Response.redirect(new URL(`/entries/${encodeURIComponent(entryId)}`, origin), 303);
  return activityJson(entryNote(entry, origin));
}
