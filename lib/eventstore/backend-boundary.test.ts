// The backend is chosen in one place (./backend.ts): no other code reads DATABASE_URL. Messages
// and comments may name it, and tests and tools may set it for a server they start; reading it
// (`env.DATABASE_URL`, `env['DATABASE_URL']`, `{ DATABASE_URL } = env`) is for backend.ts alone.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');
const ROOMS = ['app', 'lib', 'server', 'scripts', 'bench', 'e2e', 'instrumentation.ts', 'proxy.ts'];
const SOURCE = /\.(?:[cm]?[jt]s|tsx)$/;
/** The one reader, and this test (whose examples read it). */
const ALLOWED = new Set(['lib/eventstore/backend.ts', 'lib/eventstore/backend-boundary.test.ts']);

function* sources(path: string): Generator<string> {
  const stat = statSync(path, { throwIfNoEntry: false });
  if (!stat) return;
  if (stat.isFile()) {
    if (SOURCE.test(path)) yield path;
    return;
  }
  for (const name of readdirSync(path)) if (name !== 'node_modules' && !name.startsWith('.')) yield* sources(join(path, name));
}

/** The code without its comments and string contents (so messages and docs may name the variable). */
const codeOf = (text: string) =>
  text
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/(^|[^:\\])\/\/.*$/gm, '$1')
    .replace(/(['"`])(?:\\.|(?!\1)[^\\])*\1/g, (literal) => (literal === "'DATABASE_URL'" || literal === '"DATABASE_URL"' || literal === '`DATABASE_URL`' ? literal : '""'));

/** The lines of `text` that read DATABASE_URL. */
export function readsOfDatabaseUrl(text: string): string[] {
  const reads = [/\.\s*DATABASE_URL\b/, /\[\s*(['"`])DATABASE_URL\1\s*\]/, /\{[^{}]*\bDATABASE_URL\b[^{}]*\}\s*=(?!=)/];
  return codeOf(text)
    .split('\n')
    .filter((line) => reads.some((read) => read.test(line)));
}

describe('the backend boundary', () => {
  it('recognises a read of DATABASE_URL, and not a message, a comment or a variable set for a child', () => {
    expect(readsOfDatabaseUrl('const url = process.env.DATABASE_URL;')).toHaveLength(1);
    expect(readsOfDatabaseUrl("const url = env['DATABASE_URL'];")).toHaveLength(1);
    expect(readsOfDatabaseUrl('const { DATABASE_URL: url } = process.env;')).toHaveLength(1);
    expect(readsOfDatabaseUrl("console.error('set DATABASE_URL to the database'); // DATABASE_URL\nstart({ DATABASE_URL: url });")).toEqual([]);
  });

  it('DATABASE_URL is read in lib/eventstore/backend.ts and nowhere else', () => {
    const offenders: string[] = [];
    for (const room of ROOMS) {
      for (const file of sources(join(ROOT, room))) {
        const name = relative(ROOT, file);
        if (ALLOWED.has(name)) continue;
        for (const line of readsOfDatabaseUrl(readFileSync(file, 'utf8'))) offenders.push(`${name}: ${line.trim()}`);
      }
    }
    expect(offenders).toEqual([]);
    expect(readsOfDatabaseUrl(readFileSync(join(ROOT, 'lib/eventstore/backend.ts'), 'utf8'))).not.toEqual([]);
  });
});
