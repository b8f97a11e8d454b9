// Every document a domain defines is in the list `npm run migrate` copies: one left out would stay
// behind in EVENTS_DIR when an install moves to PostgreSQL (a new password, lost settings).
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DOCUMENTS } from './documents';

const LIB = join(import.meta.dirname, '..');

function* sources(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* sources(path);
    else if (/\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) && !relative(LIB, path).split('/').includes('testing')) yield path;
  }
}

describe('the list of documents', () => {
  it('holds every document a domain defines', () => {
    const defined: string[] = [];
    for (const file of sources(LIB)) {
      for (const match of readFileSync(file, 'utf8').matchAll(/defineDocument(?:<[^>]*>)?\(\{\s*name: '([^']+)'/g)) defined.push(match[1]!);
    }
    expect(defined.length).toBeGreaterThanOrEqual(5);
    expect(DOCUMENTS.map((d) => d.name).sort()).toEqual(defined.sort());
  });
});
