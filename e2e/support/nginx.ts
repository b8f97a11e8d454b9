// A real nginx (Debian's nginx-light) in front of a Shelf server, with TLS: its own process, its
// own config in a temp directory and its own port, never the system's service. The server block is
// the one docs/deploy.md shows, so the documented config is the tested one.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './app-server';

export interface Nginx {
  /** The port it listens on (TLS), on 127.0.0.1. */
  port: number;
  /** The SPKI hash of its certificate, for Chromium's --ignore-certificate-errors-spki-list. */
  spki: string;
  /** Its error log so far. */
  errors(): string;
  stop(): Promise<void>;
}

const NGINX = process.env.NGINX_PATH || '/usr/sbin/nginx';

/** The first ```nginx block of docs/deploy.md: the server block an owner copies. */
export function documentedServerBlock(): string {
  const doc = readFileSync(join(process.cwd(), 'docs', 'deploy.md'), 'utf8');
  const block = /```nginx\n([\s\S]*?)```/.exec(doc)?.[1];
  if (!block) throw new Error('docs/deploy.md has no ```nginx block');
  return block;
}

/** That block for this test: its host name, certificate, port and upstream, each replacement checked. */
function localized(block: string, { host, port, upstream, cert, key }: { host: string; port: number; upstream: number; cert: string; key: string }): string {
  const replacements: [string, string][] = [
    ['    listen [::]:443 ssl http2;\n', ''],
    ['listen 443 ssl http2;', `listen 127.0.0.1:${port} ssl http2;`],
    ['server_name books.example;', `server_name ${host};`],
    ['/etc/letsencrypt/live/books.example/fullchain.pem', cert],
    ['/etc/letsencrypt/live/books.example/privkey.pem', key],
    ['http://127.0.0.1:3000', `http://127.0.0.1:${upstream}`],
  ];
  let text = block;
  for (const [from, to] of replacements) {
    if (!text.includes(from)) throw new Error(`docs/deploy.md's nginx block no longer has "${from.trim()}": update e2e/support/nginx.ts with it`);
    text = text.split(from).join(to);
  }
  return text;
}

/** A self-signed certificate for `host`, made now with openssl. */
function certificate(dir: string, host: string) {
  const cert = join(dir, 'cert.pem');
  const key = join(dir, 'key.pem');
  execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', cert, '-days', '1', '-subj', `/CN=${host}`, '-addext', `subjectAltName=DNS:${host}`], { stdio: 'ignore' });
  const pubkey = execFileSync('openssl', ['x509', '-in', cert, '-pubkey', '-noout']);
  const der = execFileSync('openssl', ['pkey', '-pubin', '-outform', 'der'], { input: pubkey });
  const spki = execFileSync('openssl', ['dgst', '-sha256', '-binary'], { input: der }).toString('base64');
  return { cert, key, spki };
}

export async function startNginx({ host, upstream }: { host: string; upstream: number }): Promise<Nginx> {
  if (!existsSync(NGINX)) throw new Error(`no nginx at ${NGINX}: install nginx-light (.ci/run does), or set NGINX_PATH`);
  const dir = mkdtempSync(join(tmpdir(), 'shelf-nginx-'));
  for (const sub of ['body', 'proxy', 'fastcgi', 'uwsgi', 'scgi']) mkdirSync(join(dir, sub));
  const { cert, key, spki } = certificate(dir, host);
  const port = await freePort();
  const errorLog = join(dir, 'error.log');
  const conf = join(dir, 'nginx.conf');
  writeFileSync(
    conf,
    [
      'worker_processes 1;',
      `pid ${join(dir, 'nginx.pid')};`,
      `error_log ${errorLog} info;`,
      'events { worker_connections 256; }',
      'http {',
      `  access_log ${join(dir, 'access.log')};`,
      ...['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((what) => `  ${what}_temp_path ${join(dir, what === 'client_body' ? 'body' : what)};`),
      localized(documentedServerBlock(), { host, port, upstream, cert, key }),
      '}',
    ].join('\n'),
  );
  const child: ChildProcess = spawn(NGINX, ['-p', dir, '-c', conf, '-e', errorLog, '-g', 'daemon off;'], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (d) => (stderr += d));
  const errors = () => stderr + (existsSync(errorLog) ? readFileSync(errorLog, 'utf8') : '');
  const deadline = Date.now() + 10_000;
  while (!(await listening(port))) {
    if (child.exitCode !== null) throw new Error(`nginx exited with ${child.exitCode}:\n${errors()}`);
    if (Date.now() > deadline) throw new Error(`nginx did not listen on ${port} in 10 s:\n${errors()}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  return {
    port,
    spki,
    errors,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM'); // nginx's fast shutdown: the master stops its worker and exits
        await exited;
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

function listening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
  });
}
