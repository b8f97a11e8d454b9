// The PostgreSQL rows of `npm run bench`: the same server with DATABASE_URL set (POST /buy
// committed in the database, GET /orderbook from memory), and the orderbook's boot from the
// database, first a full replay (which writes the snapshot row), then from the snapshot.
// The server is BENCH_DATABASE_URL, else TEST_DATABASE_URL, else the local test role; each run
// creates a database of its own and drops it afterwards.
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import postgres from 'postgres';
import { measure, measurePaired } from './load.mjs';
import { writeOrderbookLog } from './orderbook-log.mjs';
import { seedOrderbook } from './seed.mjs';
import { root, startServer } from './server.mjs';

const serverUrl = () => process.env.BENCH_DATABASE_URL || process.env.TEST_DATABASE_URL || 'postgres://shelf:shelf@127.0.0.1:5432/shelf_test';

/** A new empty database, or why there is none. */
export async function benchDatabase() {
  const base = serverUrl();
  const admin = postgres(base, { max: 1, connect_timeout: 3, onnotice: () => {} });
  try {
    const name = `shelf_bench_${randomBytes(4).toString('hex')}`;
    await admin.unsafe(`create database ${name}`);
    const url = new URL(base);
    url.pathname = `/${name}`;
    return {
      url: url.toString(),
      async drop() {
        await admin.unsafe(`drop database if exists ${name} with (force)`);
        await admin.end({ timeout: 1 });
      },
    };
  } catch (err) {
    await admin.end({ timeout: 0 }).catch(() => {});
    return { skip: `no PostgreSQL at ${new URL(base).host}: ${err.message}` };
  }
}

/** POST /buy and GET /orderbook on a server whose log is in the database. */
export async function postgresHttp(opts) {
  const db = await benchDatabase();
  if (db.skip) return { skip: db.skip };
  const server = await startServer({ extraEnv: { DATABASE_URL: db.url } });
  try {
    await seedOrderbook(server, 100);
    const healthz = { method: 'GET', path: '/healthz' };
    const randomInt = (lo, hi) => lo + Math.floor(Math.random() * (hi - lo + 1));
    const buy = { name: 'POST /buy/<user>/<price>, PostgreSQL', method: 'POST', path: '/buy/1/100', setupRequest: (req) => ({ ...req, path: `/buy/${randomInt(0, 999)}/${randomInt(100, 199)}` }) };
    const book = { name: 'GET /orderbook, PostgreSQL', method: 'GET', path: '/orderbook', headers: { accept: 'application/json' } };
    const o = { ...opts, serverPid: server.pid };
    // Paired with this server's own /healthz: the rows compare the database with the files, not with the hello world.
    const baseline = { url: server.url, pid: server.pid, route: healthz };
    const read = await measurePaired(server.url, book, baseline, o);
    const write = await measurePaired(server.url, buy, baseline, o);
    return { results: [{ route: book, ...read.route, paired: read.baseline }, { route: buy, ...write.route, paired: write.baseline }], healthz: await measure(server.url, healthz, { ...o, warmupSeconds: 0 }) };
  } finally {
    await server.stop();
    await db.drop();
  }
}

function bootChild(dir, url) {
  const out = execFileSync(process.execPath, ['--conditions=react-server', '--import', 'tsx', 'bench/boot-child.ts', dir], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, DATABASE_URL: url },
    stdio: ['ignore', 'pipe', 'pipe'],
    maxBuffer: 16 << 20,
  });
  return JSON.parse(out.trim().split('\n').at(-1));
}

/** For each size: the log copied in with `npm run migrate`, a first boot (full replay, writes the snapshot), a second (from it). */
export async function postgresBoot(sizes) {
  const rows = [];
  for (const n of sizes) {
    const db = await benchDatabase();
    if (db.skip) return [{ n, store: `orderbook on PostgreSQL: ${db.skip}` }];
    const dir = mkdtempSync(join(tmpdir(), 'shelf-pgboot-'));
    try {
      writeOrderbookLog(dir, n);
      execFileSync(process.execPath, ['--import', 'tsx', 'scripts/migrate.ts', dir], { cwd: root, env: { ...process.env, DATABASE_URL: db.url }, stdio: 'ignore' });
      const first = bootChild(dir, db.url);
      const second = bootChild(dir, db.url);
      rows.push({ n, ...first, store: 'orderbook on PostgreSQL', boot: 'first (full replay)' });
      rows.push({ n, ...second, store: 'orderbook on PostgreSQL', boot: 'second (from the snapshot row)' });
    } catch (err) {
      rows.push({ n, store: `orderbook on PostgreSQL: ${String(err.stderr || err.message).trim().split('\n')[0]}` });
    } finally {
      rmSync(dir, { recursive: true, force: true });
      await db.drop();
    }
  }
  return rows;
}
