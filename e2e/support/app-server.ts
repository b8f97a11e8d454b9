// Starts a separate production server (the front door, as `npm start` runs it), for tests that restart it or need their own events directory.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { START_ARGS } from '../../scripts/start-args.mjs';

export interface AppServer {
  url: string;
  eventsDir: string;
  /** Everything the server printed so far. */
  output(): string;
  stop(signal?: NodeJS.Signals): Promise<void>;
  /** Starts it again after a stop (same port and events directory). */
  start(): Promise<void>;
  /** Stops it and starts it again on the same port and events directory. */
  restart(): Promise<void>;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}

export async function startAppServer(env: Record<string, string> = {}): Promise<AppServer> {
  const port = await freePort();
  const eventsDir = env.EVENTS_DIR ?? mkdtempSync(join(tmpdir(), 'shelf-e2e-own-'));
  const url = `http://127.0.0.1:${port}`;
  let log = '';
  let child: ChildProcess;

  async function start() {
    child = spawn(process.execPath, START_ARGS, {
      env: {
        ...process.env,
        NEXT_TELEMETRY_DISABLED: '1',
        PORT: String(port),
        EVENTS_DIR: eventsDir,
        ADMIN_PASSWORD: process.env.E2E_ADMIN_PASSWORD!,
        ADMIN_TOKEN: process.env.E2E_ADMIN_TOKEN!,
        SITE_URL: url,
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout!.on('data', (d) => (log += d));
    child.stderr!.on('data', (d) => (log += d));
    const deadline = Date.now() + 60_000; // the boot (replay) comes first, slow on a loaded machine
    for (;;) {
      if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}:\n${log}`);
      try {
        if ((await fetch(`${url}/healthz`)).ok) return;
      } catch {
        // not listening yet
      }
      if (Date.now() > deadline) throw new Error(`server did not start in 60 s:\n${log}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  async function stop(signal: NodeJS.Signals = 'SIGTERM') {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill(signal);
    await exited;
  }

  await start();
  return {
    url,
    eventsDir,
    output: () => log,
    stop,
    start,
    restart: async () => {
      await stop();
      await start();
    },
  };
}
