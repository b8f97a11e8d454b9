// A flood of requests that no kept answer matches as sent: `_rsc=<random>` on /about, random 404
// paths, junk queries. Run as its own process, so its client work does not share the measuring
// client's core:  node bench/flood.mjs <base url> <seconds> <connections>
import autocannon from 'autocannon';

const [url, seconds, connections] = process.argv.slice(2);
const random = () => Math.random().toString(36).slice(2);
const junk = [
  () => `/about?_rsc=${random()}`,
  () => `/nope-${random()}`,
  () => `/entries/${random()}`,
  () => `/year/${random()}`,
  () => `/about?kind=${random()}&utm_source=${random()}`,
  () => `/embed?limit=${random()}&junk=${random()}`,
  () => `/api/media?limit=500&x=${random()}`,
  () => `/feed.json?kind=${random()}`,
];
let n = 0;
const result = await autocannon({
  url,
  connections: Number(connections),
  duration: Number(seconds),
  requests: [{ method: 'GET', setupRequest: (req) => ({ ...req, path: junk[n++ % junk.length]() }) }],
});
console.log(JSON.stringify({ requests: result.requests.total, rps: result.requests.average, non2xx: result.non2xx, errors: result.errors }));
