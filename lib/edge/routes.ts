import type { IncomingHttpHeaders } from 'node:http';
import { embedContentSecurityPolicy } from '../embed/frame-policy';
import { feedQuery, feedRouteAnswer } from '../feeds/load';
import { healthAnswer } from '../health';
import { headerReaderOf } from '../http/edge-stamp';
import { publicOrigin } from '../http/public-origin';
import { authorizeApiRequest } from '../auth/api-token';
import { answerOfResponse, textAnswer, type Answer } from '../http/answer';
import type { RequestParty } from '../http/request-party';
import type { AnswerStyle } from '../http/send';
import { mediaDefinition } from '../media/definition';
import { webmentionDefinition } from '../webmention/definition';
import { postEntryAnswer } from '../media/post-entry';
import { entriesAnswer, entriesQueryKey } from '../media/public-entries';
import { visibleEntry } from '../media/public-entry';
import { existingStore } from '../eventstore/open-store';
import { isYear } from '../media/year-review';
import { bookAnswer } from '../orderbook/book-answer';
import { orderbookDefinition } from '../orderbook/definition';
import type { Side } from '../orderbook/events';
import { placeOrder } from '../orderbook/place-order';
import { aboutUrl, embedUrl } from './page-queries';
import type { Reads } from './version';

// THE ROUTE TABLE: every route the edge answers itself, and for each what it reads and how its
// answer is made. This is the only place those facts live: the cache keys and versions come from
// here (lib/edge/handle.ts), and Next's route handlers and pages call the same `make` functions.
// Every request not matched here goes to Next unchanged. Adding a hot route: docs/DESIGN.md.

/** What a route sees of a request: already parsed once by the edge. */
export interface Asked {
  readonly method: string;
  readonly pathname: string;
  /** The path's `:param` segments, percent-decoded, in order (routes with a pattern). */
  readonly params: readonly string[];
  readonly query: URLSearchParams;
  readonly headers: IncomingHttpHeaders;
  /** Who is asking (lib/http/request-party.ts): limits count by `party.key`. */
  readonly party: RequestParty;
  /** The body, counted as it streams in; undefined past `maxBytes`. */
  body(maxBytes: number): Promise<Buffer | undefined>;
}

/** What a route's `make` may use besides the request: Next, rendering a page in process. */
export interface Maker {
  /** Next's answer to a GET of `url` (a path and query), for the same party (lib/edge/render.ts). */
  render(url: string): Promise<Answer>;
}

export interface HotRoute {
  readonly name: string;
  /** An exact path, or one with a `:param` segment (`/entries/:id`); no trailing slash (Next redirects those). */
  readonly path: string;
  /** The methods the edge answers; others go to Next, or get 405 when `refuseOtherMethods`. */
  readonly methods: readonly string[];
  /** Answer every other method with 405 (pages: Next would render them anyway). */
  readonly refuseOtherMethods?: boolean;
  /** A further condition on the request (e.g. /orderbook: not a browser asking for the page). */
  readonly when?: (headers: IncomingHttpHeaders, query: URLSearchParams) => boolean;
  /** What the answer is made from: its version (lib/edge/version.ts). */
  readonly reads: Reads;
  /**
   * Kept answers: the canonical request, the only part of the request the answer depends on (with
   * the version, and the public origin when `reads.origin`). For pages, also the URL rendered.
   * Routes without it make their answer for every request (writes, and the few field reads of /healthz).
   */
  readonly key?: (asked: Asked) => string;
  /** How the answer is made. */
  readonly make: (asked: Asked, key: string, maker: Maker) => Promise<Answer> | Answer;
  /** `page`: rendered by Next, its headers are Next's; `route`: a lib function standing for a route handler (lib/http/send.ts). */
  readonly style: AnswerStyle;
  /** Headers decided per process rather than at render (who may frame /embed), over the answer's. */
  readonly headers?: () => Record<string, string>;
  /** Kept pages may be served one version old while the next renders, to readers who did not just write (lib/edge/writers.ts). */
  readonly staleWhileRender?: boolean;
}

const READ = ['GET', 'HEAD'];
const PAGE_READS: Reads = { stores: [mediaDefinition], settings: true, day: true, origin: true };
const renderKey = (_asked: Asked, key: string, maker: Maker) => maker.render(key);

/** Whether an About cursor names an entry: an unknown one shows the first page, so it needs no answer of its own. */
function isEntryId(id: string): boolean {
  try {
    return existingStore(mediaDefinition)?.snapshot().entries.has(id) ?? false;
  } catch {
    return false; // not booted yet: nothing is kept then anyway
  }
}

function isVisibleEntry(id: string): boolean {
  try {
    const store = existingStore(mediaDefinition);
    return store !== undefined && visibleEntry(store.snapshot(), id) !== undefined;
  } catch {
    return false;
  }
}

/** An id no entry has (ids are at most 128 characters): every unknown entry is this one 404 page. */
const NO_ENTRY = `/entries/${'-'.repeat(129)}`;

/** The route of an order: GET and POST both place one; HEAD is Next's (405). */
const orderRoute = (side: Side): HotRoute => ({
  name: side,
  path: `/${side}/:user/:price`,
  methods: ['GET', 'POST'],
  reads: {},
  style: 'route',
  make: (asked) => placeOrder(side, { user: asked.params[0], price: asked.params[1] }, asked.party.key),
});

export const HOT_ROUTES: readonly HotRoute[] = [
  { name: 'health', path: '/healthz', methods: READ, reads: {}, style: 'route', make: () => healthAnswer() },
  {
    name: 'book',
    path: '/orderbook',
    methods: READ,
    // Browsers (Accept: text/html) get the live page, rewritten by next.config.mjs.
    when: (headers) => !(headers.accept ?? '').includes('text/html'),
    reads: { stores: [orderbookDefinition] },
    key: () => '',
    style: 'route',
    make: () => bookAnswer(),
  },
  orderRoute('buy'),
  orderRoute('sell'),
  {
    // Scripts' writes (the API token): the owner's browser sends its session, which Next's route checks.
    name: 'log entry',
    path: '/api/media',
    methods: ['POST'],
    when: (headers) => headers.authorization !== undefined,
    reads: {},
    style: 'route',
    make: async (asked) => {
      const denied = authorizeApiRequest({ headers: headerReaderOf(asked.headers) });
      if (denied) return answerOfResponse(denied);
      return postEntryAnswer((maxBytes) => asked.body(maxBytes), asked.headers['idempotency-key'] as string | undefined);
    },
  },
  {
    name: 'entries',
    path: '/api/media',
    methods: READ,
    // `visibility=all` needs the API token (and its per-client limiter): Next's route checks it.
    when: (_headers, query) => query.get('visibility') !== 'all',
    reads: { stores: [mediaDefinition] },
    key: (asked) => entriesQueryKey(asked.query),
    style: 'route',
    make: (asked) => entriesAnswer(asked.query),
  },
  ...(['atom', 'json'] as const).map(
    (format): HotRoute => ({
      name: `feed ${format}`,
      path: format === 'atom' ? '/feed.xml' : '/feed.json',
      methods: READ,
      reads: { stores: [mediaDefinition], settings: true, origin: true },
      key: (asked) => feedQuery(asked.query),
      style: 'route',
      make: (asked) => feedRouteAnswer(format, asked.query, publicOrigin(asked.party)),
    }),
  ),
  { name: 'about', path: '/about', methods: READ, refuseOtherMethods: true, reads: PAGE_READS, key: (asked) => aboutUrl(asked.query, isEntryId), style: 'page', make: renderKey, staleWhileRender: true },
  {
    name: 'embed',
    path: '/embed',
    methods: READ,
    refuseOtherMethods: true,
    reads: PAGE_READS,
    key: (asked) => embedUrl(asked.query),
    style: 'page',
    make: renderKey,
    // Who may frame the widget is read from the environment: changing it takes a restart, not a rebuild.
    headers: () => ({ 'content-security-policy': embedContentSecurityPolicy(process.env.EMBED_ALLOWED_ORIGINS) }),
    staleWhileRender: true,
  },
  {
    name: 'entry',
    path: '/entries/:id',
    methods: READ,
    refuseOtherMethods: true,
    // Entry pages show their verified Webmentions: a new mention moves their version too.
    reads: { ...PAGE_READS, stores: [mediaDefinition, webmentionDefinition] },
    // Every id that is not a visible entry is one 404 page, not one render each.
    key: (asked) => (isVisibleEntry(asked.params[0]!) ? `/entries/${encodeURIComponent(asked.params[0]!)}` : NO_ENTRY),
    style: 'page',
    make: renderKey,
    staleWhileRender: true,
  },
  {
    name: 'year',
    path: '/year/:year',
    methods: READ,
    refuseOtherMethods: true,
    reads: PAGE_READS,
    key: (asked) => (isYear(asked.params[0]!) ? `/year/${asked.params[0]}` : '/year/-'),
    style: 'page',
    make: renderKey,
    staleWhileRender: true,
  },
];

/** The page for every path Next has no route for (lib/edge/next-routes.ts): one kept 404, not one render each. */
export const NOT_FOUND_ROUTE: HotRoute = {
  name: 'not found',
  path: '/*',
  methods: READ,
  reads: { settings: true, origin: true },
  key: () => '/_shelf/not-found',
  style: 'page',
  make: renderKey,
  staleWhileRender: true,
};

/** The answer to a method a page does not take. */
export const METHOD_NOT_ALLOWED = textAnswer('Method not allowed', 405, { allow: 'GET, HEAD' });
