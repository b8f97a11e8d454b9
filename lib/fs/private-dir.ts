import { mkdirSync } from 'node:fs';

/**
 * Creates `dir` (and missing parents) readable by this user only (0700), as a home for the logs
 * and the secrets beside them. A directory that exists is left as its owner set it.
 */
export function ensurePrivateDir(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
}
