import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Which paths Next answers with something other than its 404 page. */
export interface NextRoutes {
  knows(pathname: string): boolean;
}

interface RoutesManifest {
  staticRoutes?: { regex: string }[];
  dynamicRoutes?: { regex: string }[];
  rewrites?: { beforeFiles?: { source: string }[]; afterFiles?: { source: string }[]; fallback?: { source: string }[] } | { source: string }[];
}

/**
 * The routes of a production build (`.next/routes-manifest.json`), the files of `public/`, Next's
 * own `/_next/` paths, and the paths its proxy (proxy.ts) sees, which may answer otherwise. A path
 * none of these knows gets Next's 404 page, which the edge keeps once instead of rendering it for
 * every random path. Undefined when there is no manifest (development): then every path is Next's.
 */
export function nextRoutesOfBuild(dir: string): NextRoutes | undefined {
  let manifest: RoutesManifest;
  try {
    manifest = JSON.parse(readFileSync(join(dir, '.next/routes-manifest.json'), 'utf8')) as RoutesManifest;
  } catch {
    return undefined;
  }
  const patterns = [...(manifest.staticRoutes ?? []), ...(manifest.dynamicRoutes ?? [])].map((r) => new RegExp(r.regex));
  const publicFiles = new Set(listFiles(join(dir, 'public')).map((file) => `/${file}`));
  const known = new Map<string, boolean>();
  return {
    knows(pathname) {
      let answer = known.get(pathname);
      if (answer !== undefined) return answer;
      answer =
        pathname.startsWith('/_next/') ||
        pathname.endsWith('/') || // Next redirects a trailing slash
        PROXIED.test(pathname) ||
        publicFiles.has(pathname) ||
        patterns.some((p) => p.test(pathname));
      if (known.size < 4096) known.set(pathname, answer); // random paths are not remembered past this
      return answer;
    },
  };
}

/** proxy.ts's matcher: its answers (the admin's login redirect, the frame policy) are Next's to give. */
const PROXIED = /^\/(admin|embed)(\/|$)/;

function listFiles(dir: string, prefix = ''): string[] {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
  return entries.flatMap((e) => (e.isDirectory() ? listFiles(join(dir, e.name), `${prefix}${e.name}/`) : [`${prefix}${e.name}`]));
}
