// `npm run dev`: Next in development behind the same edge as `npm start` (server/front-door.mjs):
// every request is stamped and limited as in production; nothing is kept, so an edited page shows
// at once. The edge itself (lib/edge and the lib/ code of its hot routes) is built at start:
// restart after changing those.
import { fileURLToPath } from 'node:url';
import { startFrontDoor } from '../server/front-door.mjs';

const port = Number(process.env.PORT || 3000);
try {
  await startFrontDoor({ dir: fileURLToPath(new URL('..', import.meta.url)), port, dev: true });
  console.log(`Shelf (development) on http://localhost:${port}`);
} catch (err) {
  console.error(`Shelf cannot start: ${err instanceof Error ? err.message : err}`);
  process.exit(1);
}
