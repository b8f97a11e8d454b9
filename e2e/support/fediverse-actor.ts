// A second ActivityPub server for the tests, built with Fedify on a local port: actors that can
// follow the shelf with a signed Follow, and an inbox that keeps what it was sent (every POST as
// it arrived, and every activity Fedify verified and handed to a listener).
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createFederation, generateCryptoKeyPair, MemoryKvStore, type Context, type Federation } from '@fedify/fedify';
import { Accept, Activity, Create, Delete, Endpoints, Follow, Person, Undo, Update, type Actor } from '@fedify/vocab';

export interface Received {
  type: string;
  id: string;
  /** The activity's object as JSON-LD (compacted by Fedify). */
  object: Record<string, unknown> | string | undefined;
}

export interface WireRecord {
  path: string;
  status: number;
  type?: string;
  id?: string;
}

export interface TestActorServer {
  url: string;
  /** Activities verified and handled, in order. */
  received: Received[];
  /** Every POST as it came, with the status answered. */
  wire: WireRecord[];
  /** While set, the inbox answers 503 to everything (the server is "down"). */
  failing: boolean;
  /** While set, each answer to a POST waits this long after the activity was handled (a slow server). */
  answerDelayMs: number;
  context(): Context<void>;
  actorUri(name: string): URL;
  close(): Promise<void>;
}

async function toRequest(req: IncomingMessage, origin: string): Promise<{ request: Request; body: string }> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const body = Buffer.concat(chunks).toString('utf8');
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) if (typeof value === 'string') headers.set(name, value);
  const method = req.method ?? 'GET';
  return { request: new Request(new URL(req.url ?? '/', origin), { method, headers, body: method === 'GET' || method === 'HEAD' ? undefined : body }), body };
}

export async function startTestActorServer(names: string[]): Promise<TestActorServer> {
  const keys = new Map<string, CryptoKeyPair[]>();
  for (const name of names) keys.set(name, [await generateCryptoKeyPair('RSASSA-PKCS1-v1_5'), await generateCryptoKeyPair('Ed25519')]);
  const federation: Federation<void> = createFederation<void>({ kv: new MemoryKvStore(), allowPrivateAddress: true });
  const state: Pick<TestActorServer, 'received' | 'wire' | 'failing' | 'answerDelayMs'> = { received: [], wire: [], failing: false, answerDelayMs: 0 };

  federation
    .setActorDispatcher('/users/{identifier}', async (ctx, identifier) => {
      if (!keys.has(identifier)) return null;
      const pairs = await ctx.getActorKeyPairs(identifier);
      return new Person({
        id: ctx.getActorUri(identifier),
        preferredUsername: identifier,
        name: `Test ${identifier}`,
        inbox: ctx.getInboxUri(identifier),
        endpoints: new Endpoints({ sharedInbox: ctx.getInboxUri() }),
        publicKey: pairs[0]!.cryptographicKey,
        assertionMethods: pairs.map((p) => p.multikey),
      });
    })
    .setKeyPairsDispatcher((_ctx, identifier) => keys.get(identifier) ?? []);

  const keep = async (_ctx: unknown, activity: Activity) => {
    const json = (await activity.toJsonLd({ format: 'compact' })) as Record<string, unknown>;
    state.received.push({ type: String(json.type), id: activity.id?.href ?? '', object: json.object as Received['object'] });
  };
  federation
    .setInboxListeners('/users/{identifier}/inbox', '/inbox')
    .on(Accept, keep)
    .on(Create, keep)
    .on(Update, keep)
    .on(Delete, keep);

  let origin = '';
  const server: Server = createServer((req, res) => {
    void (async () => {
      const { request, body } = await toRequest(req, origin);
      let status: number;
      let response: Response;
      if (req.method === 'POST' && state.failing) response = new Response('down', { status: 503 });
      else response = await federation.fetch(request, { contextData: undefined });
      status = response.status;
      if (req.method === 'POST' && state.answerDelayMs > 0) await new Promise((r) => setTimeout(r, state.answerDelayMs));
      if (req.method === 'POST') {
        let parsed: { type?: string; id?: string } = {};
        try {
          parsed = JSON.parse(body);
        } catch {
          // kept as it came
        }
        state.wire.push({ path: new URL(request.url).pathname, status, type: parsed.type, id: parsed.id });
      }
      res.writeHead(status, Object.fromEntries(response.headers));
      res.end(Buffer.from(await response.arrayBuffer()));
    })().catch((err) => {
      res.writeHead(500).end(String(err));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const context = () => federation.createContext(new URL(origin), undefined);
  return Object.assign(state, {
    url: origin,
    context,
    actorUri: (name: string) => context().getActorUri(name),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }) as TestActorServer;
}

/** `name` follows `shelf` with a signed Follow; resolves with the Follow's id. */
export async function follow(server: TestActorServer, name: string, shelf: Actor, n = 1): Promise<string> {
  const id = new URL(`${server.url}/users/${name}/follows/${n}`);
  await server.context().sendActivity({ identifier: name }, shelf, new Follow({ id, actor: server.actorUri(name), object: shelf.id }));
  return id.href;
}

/** `name` stops following `shelf` (an Undo of its Follow). */
export async function unfollow(server: TestActorServer, name: string, shelf: Actor, followId: string): Promise<void> {
  const follow = new Follow({ id: new URL(followId), actor: server.actorUri(name), object: shelf.id });
  await server.context().sendActivity({ identifier: name }, shelf, new Undo({ id: new URL(`${followId}/undo`), actor: server.actorUri(name), object: follow }));
}
