// The contract of a document behind the backend (lib/documents/document.ts `Document`, opened by
// lib/eventstore/backend.ts `document`) as a suite every backend runs: defaults before the first
// write, durable updates another process or instance reads, changes made in place or returned,
// schema-breaking or failing changes that write nothing, concurrent updates that lose nothing, and
// listeners told of each change.
import { expect, it } from 'vitest';
import { z } from 'zod';
import { defineDocument, type DocumentDefinition } from '../../documents/definition';
import type { Document } from '../../documents/document';

/** One place documents live (a directory, a database): open one there, as this or as another process would. */
export interface DocumentPlace {
  open<T>(definition: DocumentDefinition<T>): Document<T>;
  /** The same document as a process started afterwards (files) or another instance (PostgreSQL) opens it. */
  reopen<T>(definition: DocumentDefinition<T>): Document<T>;
}

const tally = defineDocument({
  name: 'tally',
  schema: z.object({ count: z.int().min(0), names: z.array(z.string()) }),
  defaults: () => ({ count: 0, names: [] as string[] }),
  secret: false,
});

export function documentContract(name: string, place: () => Promise<DocumentPlace>) {
  it(`${name}: reads the defaults before the first write, then what was written, in this process and the next`, async () => {
    const at = await place();
    const doc = at.open(tally);
    expect(await doc.read()).toEqual({ count: 0, names: [] });
    expect(await doc.fresh()).toEqual({ count: 0, names: [] });
    expect(await doc.update((d) => ({ ...d, count: 1 }))).toEqual({ count: 1, names: [] });
    expect(await doc.read()).toEqual({ count: 1, names: [] });
    expect(await at.reopen(tally).read()).toEqual({ count: 1, names: [] });
  });

  it(`${name}: keeps a change made by mutating the draft as well as one returned`, async () => {
    const at = await place();
    const doc = at.open(tally);
    await doc.update((d) => {
      d.names.push('in place');
    });
    await doc.update((d) => ({ count: d.count + 1, names: [...d.names, 'returned'] }));
    expect(await at.reopen(tally).read()).toEqual({ count: 1, names: ['in place', 'returned'] });
  });

  it(`${name}: writes nothing for a change that breaks the schema or throws, and goes on working`, async () => {
    const at = await place();
    const doc = at.open(tally);
    await doc.update((d) => ({ ...d, count: 2 }));
    await expect(doc.update((d) => ({ ...d, count: -1 }))).rejects.toThrow();
    await expect(
      doc.update(() => {
        throw new Error('changed my mind');
      }),
    ).rejects.toThrow('changed my mind');
    expect(await doc.read()).toEqual({ count: 2, names: [] });
    expect(await at.reopen(tally).read()).toEqual({ count: 2, names: [] });
    expect(await doc.update((d) => ({ ...d, count: 3 }))).toEqual({ count: 3, names: [] });
  });

  it(`${name}: loses none of many concurrent updates`, async () => {
    const at = await place();
    const doc = at.open(tally);
    await Promise.all(Array.from({ length: 20 }, (_, i) => doc.update((d) => ({ count: d.count + 1, names: [...d.names, `n${i}`] }))));
    const stored = await at.reopen(tally).read();
    expect(stored.count).toBe(20);
    expect(new Set(stored.names).size).toBe(20);
  });

  it(`${name}: tells its listeners of each change until they unsubscribe`, async () => {
    const doc = (await place()).open(tally);
    const heard: number[] = [];
    const stop = doc.subscribe((d) => heard.push(d.count));
    await doc.update((d) => ({ ...d, count: 1 }));
    await doc.update((d) => ({ ...d, count: 2 }));
    stop();
    await doc.update((d) => ({ ...d, count: 3 }));
    expect(heard).toEqual([1, 2]);
  });
}
