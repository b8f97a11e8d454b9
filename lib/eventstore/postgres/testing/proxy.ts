// A TCP proxy in front of the test database that a test can cut (every connection dropped, new
// ones refused) and restore: the database "goes away" without touching the shared server.
import { createServer, connect, type Server, type Socket } from 'node:net';

export interface Proxy {
  /** DATABASE_URL through the proxy. */
  url: string;
  cut(): Promise<void>;
  restore(): Promise<void>;
  close(): Promise<void>;
}

export async function startProxy(targetUrl: string): Promise<Proxy> {
  const target = new URL(targetUrl);
  const sockets = new Set<Socket>();
  let server: Server | undefined;
  let port = 0;
  const listen = () =>
    new Promise<void>((resolve) => {
      server = createServer((client) => {
        const upstream = connect(Number(target.port || 5432), target.hostname);
        for (const s of [client, upstream]) {
          sockets.add(s);
          s.on('close', () => sockets.delete(s));
          s.on('error', () => {});
        }
        client.pipe(upstream).pipe(client);
      });
      server.listen(port, '127.0.0.1', () => {
        port = (server!.address() as { port: number }).port;
        resolve();
      });
    });
  const stop = () =>
    new Promise<void>((resolve) => {
      for (const s of sockets) s.destroy();
      server ? server.close(() => resolve()) : resolve();
      server = undefined;
    });
  await listen();
  const url = new URL(targetUrl);
  url.host = `127.0.0.1:${port}`;
  return { url: url.toString(), cut: stop, restore: listen, close: stop };
}
