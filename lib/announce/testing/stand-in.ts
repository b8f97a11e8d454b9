// Local HTTP servers standing in for each network in tests: they accept posts the way the real
// service does (Mastodon and the webhook receiver deduplicate by key, Bluesky overwrites a record
// key, X refuses duplicate text), and answer from a plan first when a test wants failures.
import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { blueskyClient } from '../channels/bluesky';
import { mastodonClient } from '../channels/mastodon';
import type { ChannelClient } from '../channels/types';
import { webhookClient } from '../channels/webhook';
import { EVENT_ID_HEADER, SIGNATURE_HEADER, verifyWebhookSignature } from '../channels/webhook-signature';
import { xClient } from '../channels/x';
import type { Channel } from '../events';

export interface Received {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
  json: any;
}

export interface PlannedAnswer {
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
}

export interface Network {
  channel: Channel;
  url: string;
  /** Every request to the post endpoint, in order. */
  requests: Received[];
  /** The posts the network holds now, by what it deduplicates on. */
  posts: Map<string, Received>;
  /** Answers to give before behaving normally (failures, 429s), consumed one per post request. */
  plan: PlannedAnswer[];
  /** Runs once a post is accepted, before the answer is written (to crash the sender in between). */
  afterAccept?: (req: Received) => Promise<void>;
  /** Most post requests in progress at once. */
  maxConcurrent: number;
  /** What the network deduplicates this request on (the key the test compares across attempts). */
  keyOf(req: Received): string;
  client(now?: () => number): ChannelClient;
  close(): Promise<void>;
}

type Handler = (req: Received, res: ServerResponse) => Promise<void>;

async function listen(handler: Handler): Promise<{ url: string; close: () => Promise<void> }> {
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      let json: unknown;
      try {
        json = body ? JSON.parse(body) : undefined;
      } catch {
        json = undefined;
      }
      const received: Received = { method: req.method ?? '', path: req.url ?? '', headers: req.headers, body, json };
      handler(received, res).catch((err) => {
        if (!res.headersSent) res.writeHead(500).end(String(err));
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

const send = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
  if (res.destroyed) return;
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(body === undefined ? '' : typeof body === 'string' ? body : JSON.stringify(body));
};

/**
 * The common part: counts requests and concurrency, gives planned answers, and calls `accept`
 * (which stores the post and returns the normal answer) for the rest.
 */
async function network(
  channel: Channel,
  isPost: (req: Received) => boolean,
  accept: (req: Received, net: Network) => { status: number; body: unknown },
  keyOf: (req: Received) => string,
  makeClient: (url: string, now?: () => number) => ChannelClient,
  other: Handler = async (_req, res) => send(res, 404, { error: 'NotFound' }),
): Promise<Network> {
  let inFlight = 0;
  const net = {
    channel,
    requests: [] as Received[],
    posts: new Map<string, Received>(),
    plan: [] as PlannedAnswer[],
    maxConcurrent: 0,
    keyOf,
  } as unknown as Network;
  const server = await listen(async (req, res) => {
    if (!isPost(req)) return other(req, res);
    net.requests.push(req);
    inFlight++;
    net.maxConcurrent = Math.max(net.maxConcurrent, inFlight);
    try {
      // A little time in flight, so that overlapping sends would show in maxConcurrent.
      await new Promise((r) => setTimeout(r, 5));
      const planned = net.plan.shift();
      if (planned) return send(res, planned.status, planned.body ?? { error: `planned ${planned.status}` }, planned.headers);
      const answer = accept(req, net);
      if (net.afterAccept) await net.afterAccept(req);
      send(res, answer.status, answer.body);
    } finally {
      inFlight--;
    }
  });
  net.url = server.url;
  net.close = server.close;
  net.client = (now) => makeClient(server.url, now);
  return net;
}

let ids = 100;

export function mastodonNetwork(): Promise<Network> {
  return network(
    'mastodon',
    (req) => req.method === 'POST' && req.path === '/api/v1/statuses',
    (req, net) => {
      const key = net.keyOf(req);
      const existing = net.posts.get(key);
      if (existing) return { status: 200, body: existing.json.answer };
      const id = String(++ids);
      const answer = { id, url: `https://mastodon.example/@owner/${id}`, content: req.json.status };
      net.posts.set(key, { ...req, json: { ...req.json, answer } });
      return { status: 200, body: answer };
    },
    (req) => String(req.headers['idempotency-key']),
    (url, now) => mastodonClient({ baseUrl: url, token: 'test-token', now }),
  );
}

export function webhookNetwork(secret = 'test-secret'): Promise<Network> {
  return network(
    'webhook',
    (req) => req.method === 'POST' && req.path === '/hook',
    (req, net) => {
      if (!verifyWebhookSignature(secret, req.body, req.headers[SIGNATURE_HEADER] as string)) return { status: 401, body: { error: 'bad signature' } };
      net.posts.set(net.keyOf(req), req);
      return { status: 204, body: undefined };
    },
    (req) => String(req.headers[EVENT_ID_HEADER]),
    (url, now) => webhookClient({ url: `${url}/hook`, secret, now }),
  );
}

export const BLUESKY_DID = 'did:plc:shelftestowner';

export function blueskyNetwork(): Promise<Network> {
  let sessions = 0;
  return network(
    'bluesky',
    (req) => req.method === 'POST' && req.path === '/xrpc/com.atproto.repo.putRecord',
    (req, net) => {
      if (req.headers.authorization !== 'Bearer access-1') return { status: 401, body: { error: 'AuthenticationRequired', message: 'no session' } };
      // putRecord: the same rkey replaces the record; there is never a second one.
      net.posts.set(net.keyOf(req), req);
      return { status: 200, body: { uri: `at://${req.json.repo}/${req.json.collection}/${req.json.rkey}`, cid: 'bafyreidfayvfuwqa7qlnopdjiqrxzs6blmoeu4rujcjtnci5beludirz2a' } };
    },
    (req) => String(req.json?.rkey),
    (url, now) => blueskyClient({ service: url, identifier: 'owner.test', password: 'app-password', now }),
    async (req, res) => {
      if (req.method === 'POST' && req.path === '/xrpc/com.atproto.server.createSession') {
        sessions++;
        return send(res, 200, { did: BLUESKY_DID, handle: 'owner.test', accessJwt: `access-${sessions}`, refreshJwt: `refresh-${sessions}`, active: true });
      }
      send(res, 404, { error: 'MethodNotImplemented' });
    },
  );
}

export function xNetwork(): Promise<Network> {
  return network(
    'x',
    (req) => req.method === 'POST' && req.path === '/2/tweets',
    (req, net) => {
      const key = net.keyOf(req);
      if (net.posts.has(key)) {
        return { status: 403, body: { detail: 'You are not allowed to create a Tweet with duplicate content.', type: 'about:blank', title: 'Forbidden', status: 403 } };
      }
      net.posts.set(key, req);
      const id = String(1_800_000_000_000_000_000n + BigInt(++ids));
      return { status: 201, body: { data: { id, text: req.json.text, edit_history_tweet_ids: [id] } } };
    },
    // X has no idempotency key: it refuses the same text twice.
    (req) => String(req.json?.text),
    (url, now) => xClient({ apiKey: 'k', apiSecret: 's', accessToken: 't', accessSecret: 'ts', baseUrl: `${url}/2/`, now }),
  );
}

export const NETWORKS = { mastodon: mastodonNetwork, webhook: webhookNetwork, bluesky: blueskyNetwork, x: xNetwork } as const;
