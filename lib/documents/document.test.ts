import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createStandaloneDocument, openSecretDocument } from './document';

const schema = z.object({ count: z.number().int(), names: z.array(z.string()) });
const fresh = () => join(mkdtempSync(join(tmpdir(), 'shelf-doc-')), 'doc.json');

describe('document', () => {
  it('writes a secret document readable by its owner only, an ordinary one as the umask says', async () => {
    const secret = fresh();
    await openSecretDocument(secret, schema, () => ({ count: 0, names: [] })).update((d) => ({ ...d, count: 1 }));
    expect(statSync(secret).mode & 0o777).toBe(0o600);
    const plain = fresh();
    await createStandaloneDocument(plain, schema, () => ({ count: 0, names: [] })).update((d) => ({ ...d, count: 1 }));
    expect(statSync(plain).mode & 0o077).not.toBe(0);
  });

  it('reads the defaults when there is no file, and writes only on update', async () => {
    const file = fresh();
    const doc = createStandaloneDocument(file, schema, () => ({ count: 0, names: [] }));
    expect(await doc.read()).toEqual({ count: 0, names: [] });
    await doc.update((d) => ({ ...d, count: 1 }));
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({ count: 1, names: [] });
  });

  it('queues concurrent updates to one file so none is lost', async () => {
    const file = fresh();
    const doc = createStandaloneDocument(file, schema, () => ({ count: 0, names: [] }));
    await Promise.all(Array.from({ length: 20 }, (_, i) => doc.update((d) => ({ count: d.count + 1, names: [...d.names, `n${i}`] }))));
    const again = createStandaloneDocument(file, schema, () => ({ count: 0, names: [] }));
    const stored = await again.read();
    expect(stored.count).toBe(20);
    expect(stored.names).toHaveLength(20);
  });

  it('refuses a file that fails its schema, naming the file and the field', async () => {
    const file = fresh();
    writeFileSync(file, JSON.stringify({ count: 'x', names: [] }));
    const doc = createStandaloneDocument(file, schema, () => ({ count: 0, names: [] }));
    await expect(doc.read()).rejects.toThrow(/doc\.json: count/);
  });

  it('refuses an update that would break the schema and keeps the old document', async () => {
    const file = fresh();
    const doc = createStandaloneDocument(file, schema, () => ({ count: 0, names: [] }));
    await doc.update((d) => ({ ...d, count: 2 }));
    await expect(doc.update((d) => ({ ...d, count: 'no' as unknown as number }))).rejects.toThrow();
    expect(await doc.read()).toEqual({ count: 2, names: [] });
    expect(JSON.parse(readFileSync(file, 'utf8')).count).toBe(2);
  });
});

describe('openDocument update in place', () => {
  it('keeps a change made by mutating the draft (no return value)', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'doc-')), 'd.json');
    const doc = createStandaloneDocument(file, z.object({ n: z.number() }), () => ({ n: 0 }));
    await doc.update((d) => {
      d.n = 7;
    });
    expect((await doc.read()).n).toBe(7);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({ n: 7 });
  });
});
