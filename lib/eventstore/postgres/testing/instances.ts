// For tests of several instances on one database: the test server (TEST_DATABASE_URL; its
// databases dropped after the file) and instances' connections, each closed after its test.
import { afterAll, afterEach } from 'vitest';
import { createHub, type HubOptions, type PgHub } from '../hub';
import { testServer, type TestServer } from './database';

export interface Instances {
  server: TestServer;
  /** A new instance's connection to `url`, ready (schema made). */
  instance(url: string, options?: HubOptions): Promise<PgHub>;
}

/** Call at the top of a test file. */
export async function databaseInstances(): Promise<Instances> {
  const server = await testServer();
  // DROP DATABASE waits for a checkpoint: slow on a busy machine.
  afterAll(() => server.dropAll(), 120_000);
  const hubs: PgHub[] = [];
  afterEach(async () => {
    await Promise.all(hubs.splice(0).map((h) => h.close()));
  });
  return {
    server,
    async instance(url, options = {}) {
      const hub = createHub(url, options);
      hubs.push(hub);
      await hub.ready;
      return hub;
    },
  };
}
