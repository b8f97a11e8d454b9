// One autocannon measurement: a short warm-up, then a fixed-length run at fixed concurrency.
import autocannon from 'autocannon';

const run = (options) =>
  new Promise((resolve, reject) => {
    autocannon(options, (err, result) => (err ? reject(err) : resolve(result)));
  });

/**
 * `route`: { method, path, headers?, body?, setupRequest? } (setupRequest gets and returns
 * autocannon's request object: randomize path or body there).
 */
export async function measure(baseUrl, route, { connections = 50, seconds = 5, warmupSeconds = 1 } = {}) {
  const options = {
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
  if (warmupSeconds > 0) await run({ ...options, duration: warmupSeconds });
  const r = await run({ ...options, duration: seconds });
  const answered = r['1xx'] + r['2xx'] + r['3xx'] + r['4xx'] + r['5xx'];
  return {
    rps: answered / r.duration,
    p50: r.latency.p50,
    p99: r.latency.p99,
    requests: answered,
    errors: r.errors + r.timeouts,
    non2xx: r.non2xx,
    statusCodes: Object.keys(r.statusCodeStats ?? {}).join(','),
  };
}
