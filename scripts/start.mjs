// `npm start`: serves the production build on $PORT (default 3000) through the front door
// (server/front-door.mjs), building it first when there is none, or when it is not the build of
// these sources (another commit, or a source changed since: scripts/fresh-build.mjs).
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { ensureFreshBuild } from './fresh-build.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const next = fileURLToPath(new URL('../node_modules/next/dist/bin/next', import.meta.url));
process.env.NEXT_TELEMETRY_DISABLED = '1';

await ensureFreshBuild({
  root,
  build: () => {
    const build = spawnSync(process.execPath, [next, 'build'], { cwd: root, env: process.env, stdio: 'inherit' });
    if (build.status !== 0) process.exit(build.status ?? 1);
  },
});

const port = Number(process.env.PORT || 3000);
// HOST=127.0.0.1 behind a proxy on the same machine: nothing else can reach the port.
const hostname = process.env.HOST || undefined;
const { startFrontDoor } = await import('../server/front-door.mjs');
try {
  await startFrontDoor({ dir: root, port, hostname });
  console.log(`Shelf on http://localhost:${port}`);
} catch (err) {
  console.error(`Shelf cannot start: ${err instanceof Error ? err.message : err}`);
  process.exit(1);
}
