// The admin's sessions and generated password with several instances on one PostgreSQL database
// (the `auth` document is a row they share): a login on one is valid on another at once, a logout
// on one ends the session on the others at once, and instances starting together agree on one
// generated password. "At once": the instance checking the cookie has heard nothing of the write
// (deafInstance: no notification, no poll), so nothing here waits for one.
import { describe, expect, it } from 'vitest';
import { PostgresDocument } from '../eventstore/postgres/document';
import { deafInstance } from '../eventstore/postgres/testing/deaf';
import { databaseInstances } from '../eventstore/postgres/testing/instances';
import { forgetSingleton } from '../eventstore/registry';
import { AUTH_DOCUMENT } from './auth-document';
import { adminPasswordIdentity, checkAdminPassword, prepareAdminPassword } from './password';
import { SessionBook } from './session-book';
import { withGeneratedPassword } from './testing/generated-password';

const { server, instance } = await databaseInstances();

const settings = () => ({ password: 'the admin password' });

describe.skipIf(server.skip !== undefined)('sessions on several instances', () => {
  it('a session opened on one instance is valid on another at once, and ended on all by a logout on one', async () => {
    const url = await server.createDatabase();
    const a = new SessionBook(new PostgresDocument(await instance(url), AUTH_DOCUMENT), settings);
    const b = new SessionBook(new PostgresDocument(deafInstance(await instance(url)), AUTH_DOCUMENT), settings);
    await b.key(); // B has the document in memory before the login
    const now = new Date();
    const cookie = await a.start(now);
    expect(await b.verify(cookie, now)).toMatchObject({ sessionId: expect.any(String) });
    await b.end(cookie); // logging out on B ...
    expect(await a.verify(cookie, now)).toBeNull(); // ... ends it on A
    const second = await b.start(now);
    expect(await a.verify(second, now)).not.toBeNull();
    await a.end(second);
    expect(await b.verify(second, now)).toBeNull();
  });

  it('both instances sign with one secret, even when both made one at first use', async () => {
    const url = await server.createDatabase();
    const [a, b] = [new SessionBook(new PostgresDocument(await instance(url), AUTH_DOCUMENT), settings), new SessionBook(new PostgresDocument(await instance(url), AUTH_DOCUMENT), settings)];
    const [keyA, keyB] = await Promise.all([a.key(), b.key()]);
    expect(Buffer.from(keyA).equals(Buffer.from(keyB))).toBe(true);
  });
});

describe.skipIf(server.skip !== undefined)('the generated password with instances starting together', () => {
  withGeneratedPassword();

  it('is made once: one instance prints it, the other keeps the same one', async () => {
    const url = await server.createDatabase();
    const [docA, docB] = [new PostgresDocument(await instance(url), AUTH_DOCUMENT), new PostgresDocument(await instance(url), AUTH_DOCUMENT)];
    await Promise.all([docA.read(), docB.read()]); // both started before either made one
    const printed: string[] = [];
    const generated = await Promise.all([prepareAdminPassword((l) => printed.push(l), docA), prepareAdminPassword((l) => printed.push(l), docB)]);
    const password = generated.find((p) => p !== undefined);
    expect(generated.filter((p) => p !== undefined)).toHaveLength(1);
    expect(printed.filter((l) => l.includes(password!))).toHaveLength(1);
    expect(checkAdminPassword(password!)).toBe(true);
    const identity = adminPasswordIdentity();
    forgetSingleton('auth:generated-password'); // the other instance's process
    await prepareAdminPassword(() => {}, new PostgresDocument(await instance(url), AUTH_DOCUMENT));
    expect(adminPasswordIdentity()).toBe(identity);
  });
});
