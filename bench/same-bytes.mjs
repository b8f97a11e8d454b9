// The "same bytes" baseline of `npm run bench`: a bare Node http server that answers each hot read
// with exactly what Shelf sent for it (status, headers as Shelf sent them, body, gzipped or not), so
// a route's ratio to it is what the edge costs beyond the bytes themselves. Node adds Date,
// Connection and Keep-Alive itself, as it does for Shelf. Run as its own process:
//   node bench/same-bytes.mjs <port> <answers.json>   (answers: { "<url> <accept-encoding>": { status, headers, body (base64) } })
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';

const [port, file] = process.argv.slice(2);
const answers = new Map(
  Object.entries(JSON.parse(readFileSync(file, 'utf8'))).map(([key, a]) => [key, { status: a.status, headers: a.headers, body: Buffer.from(a.body, 'base64').toString('latin1') }]),
);
createServer((req, res) => {
  const answer = answers.get(`${req.url} ${req.headers['accept-encoding'] ?? ''}`);
  if (!answer) {
    res.writeHead(404).end();
    return;
  }
  res.writeHead(answer.status, answer.headers);
  res.end(answer.body, 'latin1');
}).listen(Number(port), '127.0.0.1', () => console.log(`same bytes on ${port}`));
