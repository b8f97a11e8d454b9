// Moving an install from files to PostgreSQL (`npm run migrate`) takes what the server keeps beside
// the logs too: the owner's settings, the generated password (same password) and live sessions (the
// owner stays logged in), IndieAuth's tokens, the hooks' secret (the media servers' URLs keep
// working), the actor's keys (followers' servers keep the public key they cached) and the
// announcer's checkpoint (nothing is announced again). A second run refuses, never merges.
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { exportJwk } from '@fedify/fedify';
import { describe, expect, it } from 'vitest';
import { AUTH_DOCUMENT } from '../lib/auth/auth-document';
import { adminPasswordIdentity, checkAdminPassword, prepareAdminPassword } from '../lib/auth/password';
import { SessionBook } from '../lib/auth/session-book';
import { filesBackend, postgresBackend, type Backend } from '../lib/eventstore/backend';
import { withGeneratedPassword } from '../lib/auth/testing/generated-password';
import { databaseInstances } from '../lib/eventstore/postgres/testing/instances';
import { forgetSingleton } from '../lib/eventstore/registry';
import { tempDir } from '../lib/eventstore/testing/counter';
import { loadKeyPairs } from '../lib/fediverse/keys';
import { KEYS_NAMESPACE } from '../lib/fediverse/kv';
import { HOOKS_SECRET_DOCUMENT } from '../lib/hooks/documents';
import { Grants, GRANTS_DOCUMENT } from '../lib/indieauth/grants';
import { s256 } from '../lib/indieauth/pkce';
import { settingsFromEnv } from '../lib/settings/defaults';
import { SETTINGS_DOCUMENT } from '../lib/settings/schema';

const run = promisify(execFile);
const root = join(import.meta.dirname, '..');
const { server, instance } = await databaseInstances();
const migrate = (dir: string, url: string) => run(process.execPath, ['--import', 'tsx', join(root, 'scripts', 'migrate.ts'), dir], { cwd: root, env: { ...process.env, DATABASE_URL: url } });

withGeneratedPassword();

const publicKeys = async (backend: Backend) => Promise.all((await loadKeyPairs({ keys: backend.keyValue(KEYS_NAMESPACE, { maxEntries: 8 }) })).map((p) => exportJwk(p.publicKey)));
const sessions = (backend: Backend) => new SessionBook(backend.document(AUTH_DOCUMENT), () => ({ password: adminPasswordIdentity() }));
const client = { clientId: 'https://app.example/', redirectUri: 'https://app.example/callback' };

describe.skipIf(server.skip !== undefined)('npm run migrate: the documents come along', () => {
  it('the owner keeps password, session, settings, tokens, hook URL and actor key; nothing is announced again', { timeout: 60_000 }, async () => {
    // An install on files, as a server left it.
    const dir = tempDir();
    const files = filesBackend(() => dir);
    const password = (await prepareAdminPassword(() => {}, files.document(AUTH_DOCUMENT)))!;
    const cookie = await sessions(files).start();
    const settings = { ...settingsFromEnv({}), ownerName: 'Ada', siteTitle: "Ada's shelf" };
    await files.document(SETTINGS_DOCUMENT).update(() => ({ revision: 4, settings }));
    const grants = new Grants(files.document(GRANTS_DOCUMENT));
    const code = await grants.issueCode({ ...client, scopes: ['create'], challenge: s256('v'.repeat(43)), me: 'https://ada.example/' });
    const token = await grants.redeemForToken({ code, ...client, verifier: 'v'.repeat(43) });
    if (!token.ok) throw new Error(token.description);
    await files.document(HOOKS_SECRET_DOCUMENT).update(() => ({ secret: 'the-hooks-secret-in-the-urls' }));
    const keys = await publicKeys(files);
    await files.checkpoint('announcer').write(17);

    const url = await server.createDatabase();
    const moved = await migrate(dir, url);
    for (const line of ['settings.json: copied', 'auth.json: copied', 'indieauth.json: copied', 'hooks-secret.json: copied', 'fediverse-actor-keys.json: copied 1 entries', 'announcer.checkpoint.json: copied (seq 17)']) {
      expect(moved.stdout).toContain(line);
    }

    // The first start on the database.
    forgetSingleton('auth:generated-password');
    {
      const db = postgresBackend(await instance(url));
      const printed: string[] = [];
      expect(await prepareAdminPassword((l) => printed.push(l), db.document(AUTH_DOCUMENT))).toBeUndefined();
      expect(printed.join('\n')).not.toContain(password);
      expect(checkAdminPassword(password)).toBe(true);
      expect(await sessions(db).verify(cookie)).not.toBeNull();
      expect(await db.document(SETTINGS_DOCUMENT).read()).toEqual({ revision: 4, settings });
      expect(await new Grants(db.document(GRANTS_DOCUMENT)).find(token.token)).toMatchObject({ clientId: client.clientId, me: 'https://ada.example/' });
      expect(await db.document(HOOKS_SECRET_DOCUMENT).read()).toEqual({ secret: 'the-hooks-secret-in-the-urls' });
      expect(await publicKeys(db)).toEqual(keys);
      expect(await db.checkpoint('announcer').read()).toBe(17);
    }

    // Again: what the database holds is refused, never merged.
    await expect(migrate(dir, url)).rejects.toMatchObject({
      code: 1,
      stdout: expect.stringMatching(/auth\.json: refused: the database already holds the document auth; nothing copied[\s\S]*fediverse-actor-keys\.json: refused[\s\S]*announcer\.checkpoint\.json: refused/),
    });
  });
});
