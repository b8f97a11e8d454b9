import 'server-only';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { CACHED_ROUTES } from '../cached-routes';
import { feedRouteAnswer } from '../feeds/load';
import { healthAnswer } from '../health';
import { answerOf, jsonAnswer, type Answer } from '../http/answer';
import { entriesAnswer } from '../media/public-entries';
import { bookAnswer } from '../orderbook/book-answer';
import { placeOrder } from '../orderbook/place-order';
import { serveCachedPage } from '../render-cache/serve';
import { matchHotRoute, type HotRoute } from './routes';
import { writeAnswer } from './write-answer';

/**
 * The front door's request handler: answers a hot route (lib/front-door/routes.ts) itself, with
 * the same lib functions Next's route handlers call, and returns true; returns false, touching
 * nothing, for every other request, which the server then hands to Next unchanged.
 */
export function handleHotRequest(req: IncomingMessage, res: ServerResponse): boolean {
  const rawUrl = req.url ?? '/';
  const q = rawUrl.indexOf('?');
  const pathname = q === -1 ? rawUrl : rawUrl.slice(0, q);
  const search = new URLSearchParams(q === -1 ? '' : rawUrl.slice(q + 1));
  const method = req.method ?? 'GET';
  const route = matchHotRoute({ method, pathname, search, header: (name) => headerValue(req, name) });
  if (!route) return false;
  if (route.kind === 'cached-page') {
    serveCachedPage(req, res, CACHED_ROUTES).catch((err: unknown) => fail(req, res, err));
    return true;
  }
  // The synchronous ones first: no promise per request on the hottest paths.
  if (route.kind === 'health') {
    writeAnswer(req, res, healthAnswer());
    return true;
  }
  answerFor(route, search, req).then(answerOf).then(
    (answer) => writeAnswer(req, res, answer),
    (err) => fail(req, res, err),
  );
  return true;
}

function answerFor(route: Exclude<HotRoute, { kind: 'cached-page' | 'health' }>, search: URLSearchParams, req: IncomingMessage): Promise<Answer | Response> {
  switch (route.kind) {
    case 'book':
      return bookAnswer();
    case 'order':
      // As Next passes it to its route handlers: the socket address when the request names none.
      return placeOrder(route.side, { user: route.user, price: route.price }, req.headers['x-forwarded-for'] ?? req.socket.remoteAddress);
    case 'feed':
      return feedRouteAnswer(route.format, search, headerValue(req, 'if-none-match'));
    case 'public-entries':
      // routes.ts hands `visibility=all` (the owner's view) to Next, so no token is checked here.
      return entriesAnswer(search, () => {
        throw new Error('GET /api/media?visibility=all is answered by Next (lib/front-door/routes.ts)');
      });
  }
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
