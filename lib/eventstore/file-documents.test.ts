import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createStandaloneDocument } from '../documents/document';
import { defineDocument } from '../documents/definition';
import { filesBackend } from './backend';
import { documentContract } from './testing/document-contract';

const tempDir = () => mkdtempSync(join(tmpdir(), 'shelf-docs-'));

describe("the files backend's documents", () => {
  documentContract('a lowdb document in EVENTS_DIR', async () => {
    const dir = tempDir();
    return {
      open: (definition) => filesBackend(() => dir).document(definition),
      // The next process: a document of its own over the same file.
      reopen: (definition) => createStandaloneDocument(join(dir, `${definition.name}.json`), definition.schema, definition.defaults),
    };
  });

  it('is the file <EVENTS_DIR>/<name>.json, as before documents moved behind the backend; a secret one 0600; one object per name', async () => {
    const dir = tempDir();
    const backend = filesBackend(() => dir);
    const secret = defineDocument({ name: 'a-secret', schema: z.object({ s: z.string() }), defaults: () => ({ s: '' }), secret: true });
    const plain = defineDocument({ name: 'plain', schema: z.object({ n: z.number() }), defaults: () => ({ n: 0 }), secret: false });
    await backend.document(secret).update(() => ({ s: 'x' }));
    await backend.document(plain).update(() => ({ n: 1 }));
    expect(JSON.parse(readFileSync(join(dir, 'a-secret.json'), 'utf8'))).toEqual({ s: 'x' });
    expect(statSync(join(dir, 'a-secret.json')).mode & 0o777).toBe(0o600);
    expect(statSync(join(dir, 'plain.json')).mode & 0o077).not.toBe(0);
    expect(backend.document(plain)).toBe(backend.document(plain));
    expect(backend.document(plain).where).toBe(join(dir, 'plain.json'));
  });

  it('a name that could not be a file name is refused', () => {
    expect(() => defineDocument({ name: '../auth', schema: z.object({}), defaults: () => ({}), secret: true })).toThrow(/lower-case letters/);
  });
});
