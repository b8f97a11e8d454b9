// A TCP proxy in front of the test database that a test can cut (every connection dropped, new
// ones refused) and restore, or hold (nothing passes either way, connections stay open and new
// ones are accepted: a network cut or a frozen server, which nothing refuses) and release: the
// database "goes away" without touching the shared server.
import { createServer, connect, type Server, type Socket } from 'node:net';

export interface Proxy {
  /** DATABASE_URL through the proxy. */
  url: string;
  cut(): Promise<void>;
  restore(): Promise<void>;
  hold(): void;
  release(): void;
  close(): Promise<void>;
}

interface Pair {
  client: Socket;
  upstream: Socket;
}

export async function startProxy(targetUrl: string): Promise<Proxy> {
  const target = new URL(targetUrl);
  const pairs = new Set<Pair>();
  let server: Server | undefined;
  let port = 0;
  let held = false;
  const link = ({ client, upstream }: Pair) => {
    client.pipe(upstream);
    upstream.pipe(client);
  };
  const unlink = ({ client, upstream }: Pair) => {
    client.unpipe(upstream);
    upstream.unpipe(client);
    client.pause();
    upstream.pause();
  };
  const listen = () =>
    new Promise<void>((resolve) => {
      server = createServer((client) => {
        const pair = { client, upstream: connect(Number(target.port || 5432), target.hostname) };
        pairs.add(pair);
        for (const s of [pair.client, pair.upstream]) {
          s.on('close', () => {
            pairs.delete(pair);
            pair.client.destroy();
            pair.upstream.destroy();
          });
          s.on('error', () => {});
        }
        if (held) client.pause();
        else link(pair);
      });
      server.listen(port, '127.0.0.1', () => {
        port = (server!.address() as { port: number }).port;
        resolve();
      });
    });
  const stop = () =>
    new Promise<void>((resolve) => {
      for (const { client, upstream } of pairs) {
        client.destroy();
        upstream.destroy();
      }
      server ? server.close(() => resolve()) : resolve();
      server = undefined;
    });
  await listen();
  const url = new URL(targetUrl);
  url.host = `127.0.0.1:${port}`;
  return {
    url: url.toString(),
    cut: stop,
    restore: listen,
    hold() {
      held = true;
      for (const pair of pairs) unlink(pair);
    },
    release() {
      held = false;
      for (const pair of pairs) link(pair);
    },
    close: stop,
  };
}
