import 'server-only';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { CACHED_ROUTES } from '../cached-routes';
import type { AnyStoreDefinition } from '../eventstore/define-store';
import { singleton } from '../eventstore/registry';
import { stampRequest } from '../http/edge-stamp';
import { publicOrigin } from '../http/public-origin';
import { feedRouteAnswer } from '../feeds/load';
import { healthAnswer } from '../health';
import { answerOf, jsonAnswer, type Answer } from '../http/answer';
import { entriesAnswer } from '../media/public-entries';
import { bookAnswer } from '../orderbook/book-answer';
import { ORDER_PLACED, placeOrder } from '../orderbook/place-order';
import { cachedPageWire } from '../render-cache/serve';
import { stateVersion } from '../render-cache/state-version';
import { mediaDefinition, orderbookDefinition } from '../stores';
import { AnswerMemo } from './answer-memo';
import { matchHotRoute, type HotRoute } from './routes';
import { sendWire, wantsGzip, wireOf, writeAnswer, type Wire } from '../http/wire';

type ReadRoute = Exclude<HotRoute, { kind: 'health' | 'order' }>;

const memo = () => singleton('front-door:answers', () => new AnswerMemo());
const NO_QUERY = new URLSearchParams();

/** The stores a hot read shows: its answer holds until one of them (or the settings, or the day) moves on. */
const storesOf = (route: ReadRoute): readonly AnyStoreDefinition[] =>
  route.kind === 'cached-page' ? route.route.stores : route.kind === 'book' ? [orderbookDefinition] : [mediaDefinition];

/**
 * The front door's request handler: answers a hot route (lib/front-door/routes.ts) itself, with
 * the same lib functions Next's route handlers call, and returns true; returns false, touching
 * nothing, for every other request, which the server then hands to Next unchanged. A hot read is
 * made once per state version and URL (answer-memo.ts) and replayed until the next write.
 */
export function handleHotRequest(req: IncomingMessage, res: ServerResponse): boolean {
  const rawUrl = req.url ?? '/';
  const q = rawUrl.indexOf('?');
  const pathname = q === -1 ? rawUrl : rawUrl.slice(0, q);
  const search = q === -1 ? NO_QUERY : new URLSearchParams(rawUrl.slice(q + 1));
  const method = req.method ?? 'GET';
  // Every request, hot or Next's: who is asking and where, for the limits and links downstream.
  const party = stampRequest(req);
  const route = matchHotRoute({ method, pathname, search, header: (name) => headerValue(req, name) });
  if (!route) return false;
  if (route.kind === 'health') {
    // A few field reads: made every time, and its wire kept for as long as it says the same.
    const answer = healthAnswer();
    const key = answerKey(req, '/healthz');
    sendWire(req, res, memo().getOrMake(key, `${answer.status} ${answer.body}`, () => wireOf(answer, wantsGzip(req))));
    return true;
  }
  if (route.kind === 'order') {
    placeOrder(route.side, { user: route.user, price: route.price }, party.key)
      .then(answerOf)
      .then((answer) => {
        if (answer !== ORDER_PLACED) return writeAnswer(req, res, answer);
        // Every order placed gets the same answer: its wire is made once per method and encoding.
        const key = answerKey(req, 'order placed');
        sendWire(req, res, memo().getOrMake(key, '', () => wireOf(answer, wantsGzip(req))));
      }, (err) => fail(req, res, err));
    return true;
  }
  const gzip = wantsGzip(req);
  // Taken before the answer is made: an answer kept under it is never older than it.
  const version = stateVersion(storesOf(route));
  // A conditional feed request gets its 304 from the route; the 405s of cached pages are not kept.
  const keep = version !== undefined && req.headers['if-none-match'] === undefined && (method === 'GET' || method === 'HEAD');
  // Answers name the site absolutely (feeds, canonical links): one kept per public origin.
  const origin = publicOrigin(party);
  const key = answerKey(req, `${origin} ${rawUrl}`);
  const kept = keep ? memo().get(key, version) : undefined;
  if (kept) {
    sendWire(req, res, kept);
    return true;
  }
  readWire(route, search, req, gzip, origin).then(
    ({ wire, later }) => {
      sendWire(req, res, wire);
      if (keep && later) memo().set(key, version, later);
    },
    (err) => fail(req, res, err),
  );
  return true;
}

/** A hot read's answer, and what a later request at the same version gets (undefined: not kept). */
async function readWire(route: ReadRoute, search: URLSearchParams, req: IncomingMessage, gzip: boolean, origin: string): Promise<{ wire: Wire; later?: Wire }> {
  if (route.kind === 'cached-page') {
    const { wire, kept } = await cachedPageWire(req, CACHED_ROUTES);
    return { wire, later: kept?.wire };
  }
  const wire = wireOf(await answerOf(await readAnswer(route, search, req, origin)), gzip);
  return { wire, later: wire.status === 200 ? wire : undefined };
}

function readAnswer(route: Exclude<ReadRoute, { kind: 'cached-page' }>, search: URLSearchParams, req: IncomingMessage, origin: string): Promise<Answer | Response> {
  switch (route.kind) {
    case 'book':
      return bookAnswer();
    case 'feed':
      return feedRouteAnswer(route.format, search, headerValue(req, 'if-none-match'), origin);
    case 'public-entries':
      // routes.ts hands `visibility=all` (the owner's view) to Next, so no token is checked here.
      return entriesAnswer(search, () => {
        throw new Error('GET /api/media?visibility=all is answered by Next (lib/front-door/routes.ts)');
      });
  }
}

/** Where a kept answer is found: all it depends on besides the version (the method, the encodings the client takes, what was asked). */
function answerKey(req: IncomingMessage, what: string): string {
  return `${req.method} ${req.headers['accept-encoding'] ?? ''} ${what}`;
}

function headerValue(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value.join(', ') : value;
}

/** An error in a hot route: logged, and a JSON 500 (Next's route handlers log and answer 500 too). */
function fail(req: IncomingMessage, res: ServerResponse, err: unknown): void {
  console.error(`front door: ${req.method} ${req.url} failed:`, err);
  if (res.headersSent) {
    res.destroy();
    return;
  }
  writeAnswer(req, res, jsonAnswer({ error: 'Internal server error' }, 500));
}
