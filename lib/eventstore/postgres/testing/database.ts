// Test databases: TEST_DATABASE_URL names a server and a role that may create databases; each
// test file gets a database of its own, dropped afterwards. Without a reachable server the tests
// are skipped with one line saying why, unless CI is set: in CI a missing server is a failure.
import { randomBytes } from 'node:crypto';
import postgres from 'postgres';

export const DEFAULT_TEST_URL = 'postgres://shelf:shelf@127.0.0.1:5432/shelf_test';

export interface TestServer {
  /** Why the tests do not run here; undefined when they do. */
  skip?: string;
  /** A new empty database on the server; dropped by `dropAll`. */
  createDatabase(): Promise<string>;
  dropAll(): Promise<void>;
}

export async function testServer(): Promise<TestServer> {
  const base = process.env.TEST_DATABASE_URL || DEFAULT_TEST_URL;
  const admin = postgres(base, { max: 1, connect_timeout: 3, onnotice: () => {} });
  const created: string[] = [];
  try {
    await admin`select 1`;
  } catch (err) {
    await admin.end({ timeout: 0 }).catch(() => {});
    const why = `no PostgreSQL at ${new URL(base).host} (TEST_DATABASE_URL): ${(err as Error).message}`;
    if (process.env.CI) throw new Error(`${why}; CI must run these tests (.ci/run starts the server)`);
    console.warn(`skipping the PostgreSQL tests: ${why}`);
    return { skip: why, createDatabase: () => Promise.reject(new Error(why)), dropAll: async () => {} };
  }
  return {
    async createDatabase() {
      const name = `shelf_t_${randomBytes(6).toString('hex')}`;
      await admin.unsafe(`create database ${name}`);
      created.push(name);
      const url = new URL(base);
      url.pathname = `/${name}`;
      return url.toString();
    },
    async dropAll() {
      for (const name of created.splice(0)) await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end({ timeout: 1 });
    },
  };
}
