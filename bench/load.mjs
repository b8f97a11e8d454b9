// Autocannon measurements. Each route is measured in rounds alternating with the baseline (a bare
// Node hello world, its own server), so both see the same machine: a shared machine's load drifts
// within seconds.
import { readFileSync } from 'node:fs';
import autocannon from 'autocannon';

const run = (options) =>
  new Promise((resolve, reject) => {
    autocannon(options, (err, result) => (err ? reject(err) : resolve(result)));
  });

/** CPU seconds (user + system) a process has used so far (Linux), or undefined. */
export function cpuSeconds(pid) {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100; // utime, stime in clock ticks (USER_HZ = 100)
  } catch {
    return undefined;
  }
}

function options(baseUrl, route, connections) {
  return {
    url: baseUrl,
    connections,
    headers: route.headers ?? {},
    requests: [
      {
        method: route.method ?? 'GET',
        path: route.path,
        ...(route.body !== undefined && { body: route.body }),
        ...(route.setupRequest && { setupRequest: route.setupRequest }),
      },
    ],
  };
}

/** One run: answered requests, latency, errors, and the server's CPU time per request. */
async function once(baseUrl, route, { connections, seconds, serverPid }) {
  const cpuBefore = cpuSeconds(serverPid);
  const r = await run({ ...options(baseUrl, route, connections), duration: seconds });
  const cpuAfter = cpuSeconds(serverPid);
  const answered = r['1xx'] + r['2xx'] + r['3xx'] + r['4xx'] + r['5xx'];
  return {
    answered,
    duration: r.duration,
    p50: r.latency.p50,
    p99: r.latency.p99,
    errors: r.errors + r.timeouts,
    non2xx: r.non2xx,
    statusCodes: Object.keys(r.statusCodeStats ?? {}),
    cpu: cpuBefore === undefined || cpuAfter === undefined ? undefined : cpuAfter - cpuBefore,
  };
}

/** Sums rounds: req/s over the whole time, the median round's p50, the worst round's p99. */
function combine(runs) {
  const answered = runs.reduce((s, r) => s + r.answered, 0);
  const duration = runs.reduce((s, r) => s + r.duration, 0);
  const cpu = runs.every((r) => r.cpu !== undefined) ? runs.reduce((s, r) => s + r.cpu, 0) : undefined;
  const p50s = runs.map((r) => r.p50).sort((a, b) => a - b);
  return {
    rps: answered / duration,
    p50: p50s[Math.floor(p50s.length / 2)],
    p99: Math.max(...runs.map((r) => r.p99)),
    requests: answered,
    errors: runs.reduce((s, r) => s + r.errors, 0),
    non2xx: runs.reduce((s, r) => s + r.non2xx, 0),
    statusCodes: [...new Set(runs.flatMap((r) => r.statusCodes))].join(','),
    cpuPerRequestUs: cpu === undefined || answered === 0 ? undefined : (cpu / answered) * 1e6,
  };
}

/**
 * `route` ({ method, path, headers?, body?, setupRequest? }) on the server at `baseUrl`, and
 * `baseline` ({ url, pid, route }: another server) measured in `rounds` alternating runs of
 * seconds/rounds each, after a warm-up of the route.
 */
export async function measurePaired(baseUrl, route, baseline, { connections = 50, seconds = 5, rounds = 3, warmupSeconds = 1, serverPid } = {}) {
  const opts = { connections, seconds: seconds / rounds, serverPid };
  const baselineOpts = { ...opts, serverPid: baseline.pid };
  if (warmupSeconds > 0) await run({ ...options(baseUrl, route, connections), duration: warmupSeconds });
  const routeRuns = [];
  const baselineRuns = [];
  for (let i = 0; i < rounds; i++) {
    baselineRuns.push(await once(baseline.url, baseline.route, baselineOpts));
    routeRuns.push(await once(baseUrl, route, opts));
  }
  return { route: combine(routeRuns), baseline: combine(baselineRuns) };
}

/** A single measurement (the hello world before and after everything). */
export async function measure(baseUrl, route, { connections = 50, seconds = 5, warmupSeconds = 1, serverPid } = {}) {
  if (warmupSeconds > 0) await run({ ...options(baseUrl, route, connections), duration: warmupSeconds });
  return combine([await once(baseUrl, route, { connections, seconds, serverPid })]);
}
