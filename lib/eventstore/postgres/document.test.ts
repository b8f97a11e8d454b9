// Documents on PostgreSQL (./document.ts): the contract every backend keeps, then what several
// instances on one database need: updates on two instances lose nothing, each write moves the
// row's revision, another instance's write reaches this one's memory by NOTIFY (and by the poll
// when a notification is missed), and `fresh` sees it at once, notification or not.
import { describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { defineDocument } from '../../documents/definition';
import { postgresBackend } from '../backend';
import { documentContract } from '../testing/document-contract';
import { PostgresDocument } from './document';
import { deafInstance } from './testing/deaf';
import { databaseInstances } from './testing/instances';

const { server, instance } = await databaseInstances();

const counter = defineDocument({ name: 'counter', schema: z.object({ n: z.int().min(0), by: z.array(z.string()) }), defaults: () => ({ n: 0, by: [] as string[] }), secret: true });
const HOUR = 3_600_000;

describe.skipIf(server.skip !== undefined)("the PostgreSQL backend's documents", () => {
  documentContract('a row of shelf_documents', async () => {
    const url = await server.createDatabase();
    const [a, b] = [await instance(url), await instance(url)];
    return { open: (definition) => postgresBackend(a).document(definition), reopen: (definition) => new PostgresDocument(b, definition) };
  });

  it('two instances updating one document at once lose nothing, and each write moves its revision by one', async () => {
    const url = await server.createDatabase();
    const hubA = await instance(url);
    const [a, b] = [new PostgresDocument(hubA, counter), new PostgresDocument(await instance(url), counter)];
    const add = (doc: PostgresDocument<{ n: number; by: string[] }>, who: string) => doc.update((d) => ({ n: d.n + 1, by: [...d.by, who] }));
    await Promise.all(Array.from({ length: 15 }, (_, i) => [add(a, `a${i}`), add(b, `b${i}`)]).flat());
    const stored = await b.fresh();
    expect(stored.n).toBe(30);
    expect(new Set(stored.by).size).toBe(30);
    const [row] = await hubA.sql<{ revision: number }[]>`select revision from shelf_documents where name = 'counter'`;
    expect(row!.revision).toBe(30);
  });

  it("another instance's write reaches this one's memory by NOTIFY (no poll), and its listeners hear it", async () => {
    const url = await server.createDatabase();
    const writer = new PostgresDocument(await instance(url), counter);
    const reader = new PostgresDocument(await instance(url, { pollMs: HOUR }), counter);
    expect(await reader.read()).toEqual({ n: 0, by: [] });
    const heard: number[] = [];
    reader.subscribe((d) => heard.push(d.n));
    await writer.update(() => ({ n: 7, by: ['writer'] }));
    await vi.waitFor(async () => expect(await reader.read()).toEqual({ n: 7, by: ['writer'] }), { timeout: 5_000, interval: 5 });
    expect(heard).toEqual([7]);
  });

  it('a write whose notification was missed arrives by the poll', async () => {
    const url = await server.createDatabase();
    const writerHub = await instance(url);
    const writer = new PostgresDocument(writerHub, counter);
    const reader = new PostgresDocument(await instance(url, { pollMs: 100 }), counter);
    await writer.update(() => ({ n: 1, by: [] }));
    expect(await reader.read()).toEqual({ n: 1, by: [] });
    // A write that sends no notification (as one made while the reader's listening connection was down).
    await writerHub.sql`update shelf_documents set revision = revision + 1, data = ${writerHub.sql.json({ n: 2, by: ['quiet'] })} where name = 'counter'`;
    await vi.waitFor(async () => expect(await reader.read()).toEqual({ n: 2, by: ['quiet'] }), { timeout: 5_000, interval: 20 });
  });

  it("fresh reads another instance's write at once, even when no notification has come", async () => {
    const url = await server.createDatabase();
    const writer = new PostgresDocument(await instance(url), counter);
    const reader = new PostgresDocument(deafInstance(await instance(url)), counter);
    expect(await reader.read()).toEqual({ n: 0, by: [] });
    await writer.update(() => ({ n: 3, by: [] }));
    expect(await reader.read()).toEqual({ n: 0, by: [] }); // memory: it heard nothing
    expect(await reader.fresh()).toEqual({ n: 3, by: [] });
    expect(await reader.read()).toEqual({ n: 3, by: [] }); // and keeps what it read
    // An update always starts from the stored row, whatever this instance knew.
    await writer.update(() => ({ n: 4, by: [] }));
    expect(await reader.update((d) => ({ ...d, n: d.n + 1 }))).toEqual({ n: 5, by: [] });
  });

  it('a stored document that fails its schema is an error naming the row and the field', async () => {
    const url = await server.createDatabase();
    const hub = await instance(url);
    await hub.sql`insert into shelf_documents (name, revision, data) values ('counter', 1, ${hub.sql.json({ n: 'x', by: [] })})`;
    await expect(new PostgresDocument(hub, counter).read()).rejects.toThrow(/the row "counter" of shelf_documents: n/);
  });
});
