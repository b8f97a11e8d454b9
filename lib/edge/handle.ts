import type { IncomingMessage, ServerResponse } from 'node:http';
import { conditionalAnswer, jsonAnswer, type Answer } from '../http/answer';
import { retryAfterSeconds } from '../limits/client-budget';
import { stampRequest } from '../http/edge-stamp';
import { partyOf } from '../http/request-party';
import { trustProxyFromEnv } from '../http/trust-proxy.mjs';
import { publicOrigin } from '../http/public-origin';
import { readNodeBody } from '../http/node-body';
import { sendAnswer } from '../http/send';
import { AnswerCache, cacheBytesFromEnv, type Made, type Outcome } from './cache';
import { routeMatcher } from './match';
import { QueryMemo } from './query-memo';
import type { NextRoutes } from './next-routes';
import { isNextOwnRequest } from './next-requests';
import { RenderBudget, RenderRefused, renderLimitsFromEnv } from './render-budget';
import { renderInProcess, type NextHandler } from './render';
import { HOT_ROUTES, METHOD_NOT_ALLOWED, NOT_FOUND_ROUTE, type Asked, type HotRoute, type Maker } from './routes';
import { versionOf } from './version';
import { RecentWriters } from './writers';

/** The header that tells what the cache did for a kept page (hit, miss, stale, off). */
export const CACHE_STATUS_HEADER = 'x-render-cache';

export interface EdgeOptions {
  /** Next's request handler: requests the edge does not answer, and its in-process renders. */
  next: NextHandler;
  routes?: readonly HotRoute[];
  /** Which paths Next has a route for (the rest get one kept 404); without it every unmatched path is Next's. */
  nextRoutes?: NextRoutes;
  cache?: AnswerCache;
  /** What cache misses (renders) each client and all together may cost; from SHELF_RENDER_RATE and SHELF_RENDER_GLOBAL_RATE by default. */
  renderBudget?: RenderBudget;
  /**
   * Tests only (SHELF_EDGE_PARITY=1 at start): requests with `x-shelf-parity: next` go to Next
   * unchanged, so a test can hold the edge's answer against Next's for the same request.
   */
  parity?: boolean;
}

export interface Edge {
  /** The server's request listener: every request comes here first. */
  handle(req: IncomingMessage, res: ServerResponse): void;
  readonly cache: AnswerCache;
  /** Renders done in process so far (tests: a request from outside must never cause one it should not). */
  readonly renders: () => number;
}

const NO_QUERY = new URLSearchParams();

/** Answers of in-process routes kept besides 200: a bad query's 400 and a 404 say the same until the version moves. */
const KEPT_STATUSES = new Set([200, 400, 404]);

/** Routes made per request render nothing. */
const NO_RENDER: Maker = {
  render: () => Promise.reject(new Error('a route without a key renders no page')),
};

/**
 * The edge: every request is stamped with who is asking (lib/http/edge-stamp.ts) before anything
 * else; a request for a hot route (lib/edge/routes.ts) is answered here, kept answers from the one
 * cache by canonical request and version; everything else goes to Next unchanged.
 */
export function createEdge({ next, routes = HOT_ROUTES, nextRoutes, cache = new AnswerCache(cacheBytesFromEnv()), renderBudget = new RenderBudget(renderLimitsFromEnv()), parity = false }: EdgeOptions): Edge {
  const matcher = routeMatcher(routes);
  // TRUST_PROXY is read once, as the server starts (a change takes a restart).
  const trust = trustProxyFromEnv();
  const queries = new QueryMemo();
  const writers = new RecentWriters();
  let renders = 0;

  /** A route's answer, with the route's own headers over it, and whether it may be kept. */
  async function made(route: HotRoute, asked: Asked, key: string): Promise<Made> {
    // Every make is a cache miss someone asked for: it is paid for from their render budget.
    const admission = renderBudget.take(asked.party.key);
    if (!admission.ok) throw new RenderRefused(admission);
    let keep = false;
    const maker: Maker = {
      async render(url) {
        renders++;
        const page = await renderInProcess(next, url, asked.party);
        keep = page.keep;
        return page.answer;
      },
    };
    let answer = await route.make(asked, key, maker);
    if (route.style === 'route') keep = KEPT_STATUSES.has(answer.status);
    if (route.headers) answer = { ...answer, headers: { ...answer.headers, ...route.headers() } };
    return { answer, keep };
  }

  const toNext = (req: IncomingMessage, res: ServerResponse) => {
    Promise.resolve(next(req, res)).catch((err) => fail(req, res, err, 'Next failed'));
  };

  function handle(req: IncomingMessage, res: ServerResponse): void {
    // Every request, hot or Next's: who is asking and where, for the limits and links downstream.
    const party = stampRequest(req, partyOf(req, trust));
    const method = req.method ?? 'GET';
    if (method !== 'GET' && method !== 'HEAD') writers.noteWrite(party.key);
    if (parity && req.headers['x-shelf-parity'] === 'next') return toNext(req, res);
    if (isNextOwnRequest(req.headers)) {
      // Next's own client: an RSC read is a render in Next every time (its `_rsc` is fresh), so it is paid for too.
      if (method === 'GET' || method === 'HEAD') {
        const admission = renderBudget.take(party.key);
        if (!admission.ok) return refuse(req, res, new RenderRefused(admission));
      }
      return toNext(req, res);
    }
    const url = req.url ?? '/';
    const q = url.indexOf('?');
    const pathname = q === -1 ? url : url.slice(0, q);
    const query = q === -1 ? NO_QUERY : queries.parse(url.slice(q + 1));
    const matched = matcher.match(method, pathname, req.headers, query);
    let route = matched?.route;
    if (!route && (method === 'GET' || method === 'HEAD') && nextRoutes && !nextRoutes.knows(pathname)) route = NOT_FOUND_ROUTE;
    if (!route) return toNext(req, res);
    if (!route.methods.includes(method)) return sendAnswer(req, res, METHOD_NOT_ALLOWED, { style: 'route' });
    const asked: Asked = {
      method,
      pathname,
      params: matched?.params ?? [],
      query,
      headers: req.headers,
      party,
      body: (maxBytes) => readNodeBody(req, maxBytes),
    };
    if (!route.key) {
      // Made for every request (writes; /healthz's few field reads): the answer object may be a constant whose bytes are prepared once.
      let answer: Answer | Promise<Answer>;
      try {
        answer = route.make(asked, '', NO_RENDER);
      } catch (err) {
        return fail(req, res, err);
      }
      if (answer instanceof Promise) answer.then((a) => send(req, res, route, a, undefined), (err) => fail(req, res, err));
      else send(req, res, route, answer, undefined);
      return;
    }
    answerKept(req, res, route, asked);
  }

  function answerKept(req: IncomingMessage, res: ServerResponse, route: HotRoute, asked: Asked): void {
    const version = versionOf(route.reads);
    let key: string;
    try {
      key = queries.key(route, asked, req.url ?? '/', version);
    } catch (err) {
      return fail(req, res, err);
    }
    if (version === undefined) {
      // A store is not booted in this process yet: made for this request, kept nowhere.
      made(route, asked, key).then(({ answer }) => send(req, res, route, answer, 'off'), (err) => fail(req, res, err));
      return;
    }
    const cacheKey = route.reads.origin ? `${route.name} ${publicOrigin(asked.party)} ${key}` : `${route.name} ${key}`;
    const kept = cache.get(cacheKey, version);
    if (kept) return send(req, res, route, kept, 'hit');
    const staleOk = route.staleWhileRender === true && !writers.wroteRecently(asked.party.key);
    cache
      .answer(cacheKey, version, () => made(route, asked, key), staleOk)
      .then(({ answer, outcome }) => send(req, res, route, answer, outcome), (err) => fail(req, res, err));
  }

  function send(req: IncomingMessage, res: ServerResponse, route: HotRoute, answer: Answer, outcome: Outcome | undefined): void {
    const answered = conditionalAnswer(answer, req.headers['if-none-match']);
    const tag = route.style === 'page' && outcome ? ([CACHE_STATUS_HEADER, outcome] as const) : undefined;
    sendAnswer(req, res, answered, { style: route.style, tag });
  }

  return { handle, cache, renders: () => renders };
}

/** A render the budget refused: 429 when it was this client's, 503 when everyone's, with Retry-After; not an error. */
function refuse(req: IncomingMessage, res: ServerResponse, refused: RenderRefused): void {
  const { who, retryInMs } = refused.admission;
  const answer = jsonAnswer({ error: refused.message }, who === 'client' ? 429 : 503, { 'retry-after': retryAfterSeconds(retryInMs) });
  sendAnswer(req, res, answer, { style: 'route' });
}

/** An error in a hot route: logged, and a JSON 500 (Next's route handlers log and answer 500 too); a refused render is answered as such. */
function fail(req: IncomingMessage, res: ServerResponse, err: unknown, what = 'failed'): void {
  if (err instanceof RenderRefused && !res.headersSent) return refuse(req, res, err);
  console.error(`edge: ${req.method} ${req.url} ${what}:`, err);
  if (res.headersSent) {
    res.destroy();
    return;
  }
  sendAnswer(req, res, jsonAnswer({ error: 'Internal server error' }, 500), { style: 'route' });
}
