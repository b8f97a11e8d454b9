// The edge under attack, and the import through HTTP, for `npm run bench`.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { goodreadsExport } from './goodreads-csv.mjs';
import { root } from './server.mjs';

const GZIP = { 'accept-encoding': 'gzip, deflate, br, zstd' };
const f0 = (n) => Math.round(n).toLocaleString('en-US');
const mb = (bytes) => `${(bytes / 2 ** 20).toFixed(1)} MB`;

/** The server's resident memory (Linux). */
const rss = (pid) => Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))[1]) * 1024;

const run = (options) => new Promise((resolve, reject) => autocannon(options, (err, result) => (err ? reject(err) : resolve(result))));

/** The server's CPU time so far, in clock ticks (Linux: utime + stime of /proc/<pid>/stat). */
const cpuTicks = (pid) => {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return Number(fields[11]) + Number(fields[12]);
};

/**
 * Waits (at most 60 s) until the server is idle: under 5% of a core for a second. After the write
 * rows its processors still work through thousands of new entries, and what they allocate meanwhile
 * is not what junk URLs cost.
 */
async function settled(pid) {
  for (let i = 0; i < 60; i++) {
    const start = cpuTicks(pid);
    await new Promise((r) => setTimeout(r, 1000));
    if (cpuTicks(pid) - start <= 5) return; // 100 ticks a second
  }
}

/** 10,000 distinct junk URLs (the kinds the issue names), then the server's RSS again. */
async function junkUrls(server, count = 10_000) {
  await settled(server.pid);
  const kinds = [
    (i) => `/api/media?limit=500&x=${i}`,
    (i) => `/about?x=${i}&_rsc=${i}`,
    (i) => `/entries/junk-${i}`,
    (i) => `/nope-${i}`,
    (i) => `/year/x${i}`,
    (i) => `/embed?limit=${i}&junk=${i}`,
    (i) => `/feed.json?kind=junk${i}`,
    (i) => `/api/media?q=${i}`,
  ];
  // The same number of ordinary requests first, at the same concurrency: RSS then holds what the
  // load itself takes (V8 grows its young generation under any steady allocation), and the junk's
  // growth is what the junk adds.
  const ordinary = ['/about', '/api/media?limit=500', '/embed', '/feed.json', '/healthz'];
  let m = 0;
  await run({ url: server.url, connections: 20, amount: count, headers: GZIP, requests: [{ method: 'GET', setupRequest: (req) => ({ ...req, path: ordinary[m++ % ordinary.length] }) }] });
  await new Promise((r) => setTimeout(r, 2000));
  const before = rss(server.pid);
  let n = 0;
  const result = await run({ url: server.url, connections: 20, amount: count, headers: GZIP, requests: [{ method: 'GET', setupRequest: (req) => ({ ...req, path: kinds[n % kinds.length](n++) }) }] });
  await new Promise((r) => setTimeout(r, 2000)); // settled
  return { count: result.requests.total, before, after: rss(server.pid), errors: result.errors };
}

/** /about for another client, quiet and during a 20-connection flood from another process (bench/flood.mjs). */
async function flooded(server, seconds) {
  const about = { url: `${server.url}/about`, connections: 10, headers: GZIP, duration: seconds };
  const quiet = await run(about);
  const flood = spawn(process.execPath, [join(root, 'bench/flood.mjs'), server.url, String(seconds + 1), '20'], { stdio: ['ignore', 'pipe', 'inherit'] });
  let floodOut = '';
  flood.stdout.on('data', (d) => (floodOut += d));
  await new Promise((r) => setTimeout(r, 500));
  const during = await run(about);
  await new Promise((r) => flood.once('exit', r));
  const floodResult = JSON.parse(floodOut.trim() || '{}');
  return { quiet: quiet.requests.average, during: during.requests.average, flood: floodResult };
}

export async function attackBench(server, { seconds }) {
  return { junk: await junkUrls(server), flood: await flooded(server, Math.max(3, seconds)) };
}

export function attackTable({ junk, flood }) {
  const growth = junk.after - junk.before;
  const ratio = flood.during / flood.quiet;
  return [
    '| attack | figure | target | |',
    '|---|---:|---:|---|',
    `| ${f0(junk.count)} distinct junk URLs (junk queries of /api/media, /about, /embed, feeds; random /entries, /year, 404 paths), 20 connections | RSS ${mb(junk.before)} -> ${mb(junk.after)}: **+${mb(growth)}** | <= +80 MB | ${growth <= 80 * 2 ** 20 ? '✓' : '✗'} |`,
    `| cached /about (10 connections) during a 20-connection flood of \`_rsc=<random>\`, random 404 paths and junk queries (${f0(flood.flood.rps ?? 0)} req/s of flood) | ${f0(flood.during)} req/s vs ${f0(flood.quiet)} quiet: **${ratio.toFixed(2)}x** | >= 0.5x | ${ratio >= 0.5 ? '✓' : '✗'} |`,
  ].join('\n');
}

/** POST /api/import of a 10,000-row Goodreads export through the server, wall time. */
export async function importBench(server, rows = 10_000) {
  // Warm: the route's first request loads its code; what is measured is the import.
  const warm = await fetch(`${server.url}/api/import?source=goodreads&dryRun=1`, { method: 'POST', body: goodreadsExport(10), headers: { authorization: `Bearer ${server.adminToken}` } });
  await warm.arrayBuffer();
  const file = goodreadsExport(rows);
  const started = performance.now();
  const response = await fetch(`${server.url}/api/import?source=goodreads`, { method: 'POST', body: file, headers: { authorization: `Bearer ${server.adminToken}` } });
  const body = await response.json();
  const ms = performance.now() - started;
  if (!response.ok) throw new Error(`POST /api/import: ${response.status} ${JSON.stringify(body)}`);
  return { rows, ms, imported: body.summary.new, bytes: file.length };
}

export function importTable({ rows, ms, imported, bytes }) {
  return [
    '| what | wall | target | |',
    '|---|---:|---:|---|',
    `| POST /api/import of a ${f0(rows)}-row Goodreads export (${mb(bytes)}; ${f0(imported)} new entries, fsynced) | **${(ms / 1000).toFixed(2)} s** | <= 3 s | ${ms <= 3000 ? '✓' : '✗'} |`,
  ].join('\n');
}
