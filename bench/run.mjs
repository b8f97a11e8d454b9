// `npm run bench`: the HTTP benchmark (every hot route against a bare Node http hello world, same
// Node, same machine, a two-byte body: bench/hello.mjs) and the boot benchmark, as one Markdown report.
// Each route runs in 3 rounds alternating with the hello world (its "paired" baseline), because
// the load of a shared machine drifts within seconds; the hello world also runs alone before and after.
//   BENCH_SECONDS (5), BENCH_CONNECTIONS (50), BENCH_BOOT_SIZES (10000,100000,1000000),
//   BENCH_PORT (first port tried, 3700), --build (rebuild first), --no-boot, --no-http,
//   --no-postgres (BENCH_DATABASE_URL / TEST_DATABASE_URL: the server for the PostgreSQL rows)
import { mkdirSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { cpus, loadavg } from 'node:os';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { bootBench } from './boot.mjs';
import { measure, measurePaired } from './load.mjs';
import { postgresBoot, postgresHttp } from './postgres.mjs';
import { seedInProgress, seedMedia, seedOrderbook } from './seed.mjs';
import { attackBench, attackTable, importBench, importTable } from './attack.mjs';
import { ensureBuild, root, startHello, startSameBytes, startServer } from './server.mjs';

const args = new Set(process.argv.slice(2));
const seconds = Number(process.env.BENCH_SECONDS || 5);
const connections = Number(process.env.BENCH_CONNECTIONS || 50);
const bootSizes = (process.env.BENCH_BOOT_SIZES || '10000,100000,1000000').split(',').map(Number);

const randomInt = (lo, hi) => lo + Math.floor(Math.random() * (hi - lo + 1));
const KINDS = ['book', 'article', 'movie', 'show', 'game', 'podcast'];
const mediaBody = () =>
  JSON.stringify({ kind: KINDS[randomInt(0, 5)], title: `Bench ${Math.random().toString(36).slice(2)}`, creator: 'Bench', rating: randomInt(1, 10) / 2, review: 'Measured.' });

/** What browsers send: the cached pages are served gzipped (made once per version) to these clients. */
const GZIP = { 'accept-encoding': 'gzip, deflate, br, zstd' };

/**
 * Routes in the order they run: reads before writes, so the reads see the seeded state (300 entries,
 * a full book). Each hot read is judged against a bare Node server sending the identical bytes
 * (bench/same-bytes.mjs, `sameBytes`), the writes against the hello world.
 */
function routes(adminToken, entryId) {
  return [
    { name: 'GET /healthz', method: 'GET', path: '/healthz', sameBytes: true, target: 0.9 },
    // Through Next: a server started with SHELF_EDGE_PARITY=1 hands `x-shelf-parity: next` to Next (tests and this row only).
    { name: 'GET /healthz through Next', method: 'GET', path: '/healthz', headers: { 'x-shelf-parity': 'next' } },
    { name: 'GET /orderbook', method: 'GET', path: '/orderbook', headers: { accept: 'application/json' }, sameBytes: true, target: 0.9 },
    // Pages are judged as browsers fetch them, with Accept-Encoding: gzip; the rows without it are for reference.
    { name: 'GET /about (300 entries, 5 in progress), gzip', method: 'GET', path: '/about', headers: GZIP, sameBytes: true, target: 0.9 },
    { name: 'GET /about, no Accept-Encoding', method: 'GET', path: '/about', sameBytes: true },
    { name: 'GET /entries/<id>, gzip', method: 'GET', path: `/entries/${entryId}`, headers: GZIP, sameBytes: true, target: 0.9 },
    { name: 'GET /year/2026, gzip', method: 'GET', path: '/year/2026', headers: GZIP, sameBytes: true, target: 0.9 },
    { name: 'GET /embed?limit=10, gzip', method: 'GET', path: '/embed?limit=10', headers: GZIP, sameBytes: true, target: 0.9 },
    {
      name: 'GET /about, gzip, 10 writes/s alongside',
      method: 'GET',
      path: '/about',
      headers: GZIP,
      writesPerSecond: 10,
      note: 'every read after a write sees it: the first read per version renders',
    },
    { name: 'GET /feed.xml (50 entries), gzip', method: 'GET', path: '/feed.xml', headers: GZIP, sameBytes: true, target: 0.9 },
    { name: 'GET /feed.json, gzip', method: 'GET', path: '/feed.json', headers: GZIP, sameBytes: true, target: 0.9 },
    { name: 'GET /api/media?limit=30, gzip', method: 'GET', path: '/api/media?limit=30', headers: GZIP, sameBytes: true, target: 0.9 },
    // Bids stay in 100-199 and asks in 300-399: nothing crosses, the book stays full (the reducer caps each side at 100).
    { name: 'POST /buy/<user>/<price>', method: 'POST', path: '/buy/1/100', setupRequest: (req) => ({ ...req, path: `/buy/${randomInt(0, 999)}/${randomInt(100, 199)}` }), target: 0.25 },
    { name: 'POST /sell/<user>/<price>', method: 'POST', path: '/sell/1/300', setupRequest: (req) => ({ ...req, path: `/sell/${randomInt(0, 999)}/${randomInt(300, 399)}` }), target: 0.25 },
    {
      name: 'POST /api/media (fsynced)',
      method: 'POST',
      path: '/api/media',
      headers: { authorization: `Bearer ${adminToken}`, 'content-type': 'application/json' },
      body: mediaBody(),
      setupRequest: (req) => ({ ...req, body: mediaBody() }),
      target: 0.25,
    },
  ];
}

/** A route that answers 404 is not built in this tree yet: reported, not measured. */
async function probe(server, route) {
  const res = await fetch(server.url + route.path, { method: route.method, headers: route.headers, body: route.body });
  await res.arrayBuffer();
  return res.status;
}

/** The answer exactly as sent (status, headers as sent but those Node writes itself, body bytes not decoded), for the same-bytes server. */
function captureAnswer(server, route) {
  return new Promise((resolve, reject) => {
    const req = request(server.url + route.path, { headers: route.headers ?? {} }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => {
        const headers = [];
        for (let i = 0; i < res.rawHeaders.length; i += 2) {
          if (!/^(date|connection|keep-alive|transfer-encoding)$/i.test(res.rawHeaders[i])) headers.push(res.rawHeaders[i], res.rawHeaders[i + 1]);
        }
        const body = Buffer.concat(chunks);
        resolve({ status: res.statusCode, headers, body: body.toString('base64'), bytes: body.length, encoding: res.headers['content-encoding'] });
      });
    });
    req.on('error', reject).end();
  });
}

/** Posts an entry every 1/rate s until stopped: the writes that invalidate the render cache during a read benchmark. */
function backgroundWriter(server, rate) {
  let stopped = false;
  let writes = 0;
  const loop = (async () => {
    while (!stopped) {
      const res = await fetch(`${server.url}/api/media`, {
        method: 'POST',
        headers: { authorization: `Bearer ${server.adminToken}`, 'content-type': 'application/json' },
        body: mediaBody(),
      });
      if (res.status !== 201) throw new Error(`background write: ${res.status}`);
      writes++;
      await new Promise((r) => setTimeout(r, 1000 / rate));
    }
  })();
  return async () => {
    stopped = true;
    await loop;
    return writes;
  };
}

async function httpBench() {
  ensureBuild(args.has('--build'));
  const server = await startServer({ extraEnv: { SHELF_EDGE_PARITY: '1' } });
  const hello = await startHello();
  let same;
  try {
    const media = await seedMedia(server, 300);
    // A Now section on /about (5 in progress), and one of them for /entries/<id>.
    const [entryId] = await seedInProgress(server, 5);
    const book = await seedOrderbook(server, 100);
    const list = routes(server.adminToken, entryId);
    // What Shelf sends for each read, as the same-bytes server will send it (a second request: kept by then).
    const answers = {};
    for (const route of list.filter((r) => r.sameBytes)) {
      await captureAnswer(server, route);
      const answer = await captureAnswer(server, route);
      answers[`${route.path} ${route.headers?.['accept-encoding'] ?? ''}`] = answer;
      Object.assign(route, { bytes: answer.bytes, encoding: answer.encoding });
    }
    same = await startSameBytes(answers);
    const opts = { connections, seconds, serverPid: server.pid };
    const helloBaseline = { url: hello.url, pid: hello.pid, route: { method: 'GET', path: '/' } };
    const before = await measure(hello.url, helloBaseline.route, { ...opts, serverPid: hello.pid });
    const results = [];
    let attack;
    for (const route of list) {
      // The attacks run on the seeded state, before the write rows add some 300,000 orders and
      // 25,000 entries: after those, V8 lets a much larger heap fill with garbage before it collects,
      // and the junk row measured that (+296 MB there, +6 to +26 MB on the seeded state).
      if (!attack && (route.method !== 'GET' || route.writesPerSecond)) attack = await attackBench(server, { seconds, connections });
      const status = await probe(server, route);
      if (status === 404) {
        results.push({ route, missing: true });
        continue;
      }
      const baseline = route.sameBytes ? { url: same.url, pid: same.pid, route: { method: 'GET', path: route.path, headers: route.headers } } : helloBaseline;
      const stopWriter = route.writesPerSecond ? backgroundWriter(server, route.writesPerSecond) : undefined;
      const { route: m, baseline: paired } = await measurePaired(server.url, route, baseline, opts);
      const writes = stopWriter ? await stopWriter() : undefined;
      results.push({ route, ...m, paired, baselineName: route.sameBytes ? 'same bytes' : 'hello', writes });
    }
    const after = await measure(hello.url, helloBaseline.route, { ...opts, serverPid: hello.pid, warmupSeconds: 0 });
    attack ??= await attackBench(server, { seconds, connections });
    const importRun = await importBench(server);
    return { media, book, before, after, results, attack, importRun };
  } finally {
    await same?.stop();
    await hello.stop();
    await server.stop();
  }
}

const f0 = (n) => Math.round(n).toLocaleString('en-US');
const ms = (n) => (n < 10 ? n.toFixed(1) : f0(n));
const mb = (bytes) => `${Math.round(bytes / 2 ** 20)} MB`;

const us = (n) => (n === undefined ? '' : f0(n));

function httpTable({ media, book, before, after, results }) {
  const baseline = (before.rps + after.rps) / 2;
  const lines = [
    `${connections} connections; each route ${seconds} s in total after a 1 s warm-up, in 3 rounds alternating with its paired baseline: for a hot read, a bare Node server sending the identical bytes (bench/same-bytes.mjs: status, headers and body as Shelf sent them); for the writes, a bare Node http hello world (bench/hello.mjs). Seeded with ${media} media entries and ${book} orders. Every route goes through the edge (\`npm start\`); the "through Next" row hands the same request to Next.`,
    `Hello world alone: ${f0(before.rps)} req/s before everything, ${f0(after.rps)} after, mean **${f0(baseline)} req/s**.`,
    '',
    '| route | req/s | p50 ms | p99 ms | × hello (before/after mean) | × paired baseline | baseline | server CPU µs/req (× baseline) | target | errors | non-2xx |',
    '|---|---:|---:|---:|---:|---:|---|---:|---:|---:|---:|',
    `| hello world (before) | ${f0(before.rps)} | ${ms(before.p50)} | ${ms(before.p99)} | ${(before.rps / baseline).toFixed(2)} | | | ${us(before.cpuPerRequestUs)} | | ${before.errors} | ${before.non2xx} |`,
  ];
  for (const r of results) {
    const target = r.route.target ? `>= ${r.route.target}` : '';
    if (r.missing) {
      lines.push(`| ${r.route.name} | missing (404) | | | | | | | ${target} | | |`);
      continue;
    }
    const ratio = r.rps / baseline;
    const pairedRatio = r.rps / r.paired.rps;
    const verdict = r.route.target ? (pairedRatio >= r.route.target ? ' ✓' : ' ✗') : '';
    const cpuRatio = r.cpuPerRequestUs && r.paired.cpuPerRequestUs ? ` (${(r.paired.cpuPerRequestUs / r.cpuPerRequestUs).toFixed(2)})` : '';
    const size =
      r.route.bytes !== undefined ? `${r.route.bytes >= 10240 ? `${Math.round(r.route.bytes / 1024)} KB` : `${r.route.bytes} B`}${r.route.encoding ? ` ${r.route.encoding}` : ''}` : '';
    const name = r.writes !== undefined ? `${r.route.name} (${r.writes} writes)` : size ? `${r.route.name} (${size})` : r.route.name;
    lines.push(
      `| ${name} | ${f0(r.rps)} | ${ms(r.p50)} | ${ms(r.p99)} | ${ratio.toFixed(2)} | **${pairedRatio.toFixed(2)}**${verdict} | ${r.baselineName} | ${us(r.cpuPerRequestUs)}${cpuRatio} | ${target} | ${r.errors} | ${r.non2xx} |`,
    );
  }
  lines.push(`| hello world (after) | ${f0(after.rps)} | ${ms(after.p50)} | ${ms(after.p99)} | ${(after.rps / baseline).toFixed(2)} | | | ${us(after.cpuPerRequestUs)} | | ${after.errors} | ${after.non2xx} |`);
  lines.push(
    '',
    'Targets are judged on the paired ratio. "Server CPU µs/req" is the server process\'s CPU time per answered request (from /proc), in brackets the paired baseline\'s CPU per request divided by it: it depends much less on how busy the machine is than req/s.',
  );
  return lines.join('\n');
}

/** The PostgreSQL server's rows, judged against the file backend's POST /buy of the same run. */
function postgresHttpTable(http, pg) {
  if (pg.skip) return `Not measured: ${pg.skip}.`;
  const fileBuy = http.results.find((r) => r.route.name.startsWith('POST /buy') && !r.missing);
  const fileBook = http.results.find((r) => r.route.name === 'GET /orderbook' && !r.missing);
  const lines = [
    'The same build with `DATABASE_URL` set (a fresh database on this machine), measured after the file rows above.',
    '',
    '| route | req/s | p50 ms | p99 ms | × paired /healthz | × the file backend (same run) | target | errors | non-2xx |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|',
  ];
  for (const r of pg.results) {
    const isBuy = r.route.method === 'POST';
    const file = isBuy ? fileBuy : fileBook;
    const vsFile = file ? r.rps / file.rps : undefined;
    const target = isBuy ? 0.5 : undefined;
    const verdict = target && vsFile !== undefined ? (vsFile >= target ? ' ✓' : ' ✗') : '';
    lines.push(
      `| ${r.route.name} | ${f0(r.rps)} | ${ms(r.p50)} | ${ms(r.p99)} | ${(r.rps / r.paired.rps).toFixed(2)} | ${vsFile === undefined ? '' : `**${vsFile.toFixed(2)}**${verdict}`} | ${target ? `>= ${target}` : ''} | ${r.errors} | ${r.non2xx} |`,
    );
  }
  return lines.join('\n');
}

function bootTable(rows) {
  const lines = [
    '| events | store | boot | replay ms (wall) | replay ms (CPU) | RSS | log bytes/event |',
    '|---:|---|---|---:|---:|---:|---:|',
  ];
  for (const r of rows) {
    if (!r.boot) {
      lines.push(`| ${f0(r.n)} | ${r.store}${r.error ? `: ${r.error}` : ''} | | | | | ${r.bytesPerEvent === undefined ? "" : f0(r.bytesPerEvent)} |`);
      continue;
    }
    lines.push(`| ${f0(r.n)} | ${r.store}, snapshots ${r.snapshots} | ${r.boot} | ${f0(r.replayMs)} | ${f0(r.replayCpuMs)} | ${mb(r.rssBytes)} | ${r.bytesPerEvent === undefined ? "" : f0(r.bytesPerEvent)} |`);
  }
  return lines.join('\n');
}

async function main() {
  const load = loadavg().map((l) => l.toFixed(1)).join(' ');
  const parts = [
    `### Benchmarks, ${new Date().toISOString().slice(0, 10)}`,
    '',
    `Machine: ${availableParallelism()} cores, ${cpus()[0]?.model ?? 'unknown CPU'}, Node ${process.version}; load average at start ${load}. ` +
      'autocannon runs on the same machine as the server.',
  ];
  if (!args.has('--no-http')) {
    const http = await httpBench();
    parts.push('', '#### HTTP', '', httpTable(http));
    parts.push('', '#### Under attack', '', attackTable(http.attack));
    parts.push('', '#### Import', '', importTable(http.importRun));
    if (!args.has('--no-postgres')) parts.push('', '#### HTTP on PostgreSQL', '', postgresHttpTable(http, await postgresHttp({ connections, seconds })));
    const bad = http.results.filter((r) => !r.missing && (r.errors > 0 || r.non2xx > 0));
    if (bad.length) parts.push('', `**Errors or non-2xx answers** on: ${bad.map((r) => `${r.route.name} (codes ${r.statusCodes})`).join(', ')}`);
  }
  if (!args.has('--no-boot')) {
    parts.push('', '#### Boot', '', bootTable(bootBench(bootSizes)));
    if (!args.has('--no-postgres')) {
      parts.push('', '#### Boot on PostgreSQL', '', bootTable(await postgresBoot(bootSizes.filter((n) => n >= 100_000))));
      parts.push('', 'The orderbook log copied in with `npm run migrate`; first boot: a full replay from the table (pages of 20,000 rows), which writes the snapshot row; second boot: from that row, reading only the events after it.');
    }
    parts.push('', 'First boot: a full replay (JSON parse, schema check, reducer for every line), which also writes the snapshot. Second boot: from the snapshot, replaying only what follows it; the lines it covers are only indexed (offsets, id hashes).');
  }
  parts.push('', `Load average at the end: ${loadavg().map((l) => l.toFixed(1)).join(' ')}.`);
  const report = parts.join('\n');
  console.log(report);
  mkdirSync(join(root, 'bench/out'), { recursive: true });
  writeFileSync(join(root, 'bench/out/results.md'), report + '\n');
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
