// The baseline of `npm run bench`: a bare Node http "hello world" (same Node, a two-byte body),
// what the platform does with no framework at all. Run as its own process: node bench/hello.mjs <port>
import { createServer } from 'node:http';

const port = Number(process.argv[2]);
createServer((_req, res) => res.end('ok')).listen(port, '127.0.0.1', () => console.log(`hello on ${port}`));
