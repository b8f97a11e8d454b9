// Builds the edge (lib/edge/server.ts and the lib/ it imports) into .next/edge/server.mjs, the
// module server/front-door.mjs imports: TypeScript to one ES module, packages left to node_modules.
// Run by `npm run build` after `next build` (which empties .next first), and by the server itself
// when the module is missing or, in development, at every start.
import { renameSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

export const EDGE_MODULE = '.next/edge/server.mjs';

/** `server-only` throws outside React Server Components; the edge is server code by construction. */
const serverOnly = (root) => ({
  name: 'server-only',
  setup(b) {
    b.onResolve({ filter: /^server-only$/ }, () => ({ path: join(root, 'lib/testing/server-only-stub.ts') }));
  },
});

/** Builds the edge module under `root`; written whole (a temporary file renamed), so a server starting meanwhile never reads half of it. */
export async function buildEdge(root = fileURLToPath(new URL('..', import.meta.url))) {
  const out = join(root, EDGE_MODULE);
  const result = await build({
    entryPoints: [join(root, 'lib/edge/server.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node22',
    packages: 'external',
    plugins: [serverOnly(root)],
    tsconfig: join(root, 'tsconfig.json'),
    write: false,
    outfile: out,
    logLevel: 'warning',
  });
  mkdirSync(join(root, '.next/edge'), { recursive: true });
  const temp = `${out}.${process.pid}.tmp`;
  writeFileSync(temp, result.outputFiles[0].contents);
  renameSync(temp, out);
  return out;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const out = await buildEdge();
  console.log(`edge: built ${out}`);
}
