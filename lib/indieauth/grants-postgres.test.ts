// IndieAuth's codes and tokens with several instances on one PostgreSQL database (the `indieauth`
// document is a row they share): a code approved on one instance is redeemed on another, and the
// token it gives works, and stops working once revoked, on every instance at once, including one
// that has heard of no write (deafInstance).
import { describe, expect, it } from 'vitest';
import { PostgresDocument } from '../eventstore/postgres/document';
import { deafInstance } from '../eventstore/postgres/testing/deaf';
import { databaseInstances } from '../eventstore/postgres/testing/instances';
import { Grants, GRANTS_DOCUMENT } from './grants';
import { s256 } from './pkce';

const { server, instance } = await databaseInstances();

const verifier = 'v'.repeat(43);
const client = { clientId: 'https://app.example/', redirectUri: 'https://app.example/callback' };

describe.skipIf(server.skip !== undefined)('IndieAuth grants on several instances', () => {
  it('a code approved on one instance is redeemed on another; its token works and is revoked everywhere at once', async () => {
    const url = await server.createDatabase();
    const a = new Grants(new PostgresDocument(await instance(url), GRANTS_DOCUMENT));
    const b = new Grants(new PostgresDocument(deafInstance(await instance(url)), GRANTS_DOCUMENT));
    expect(await b.list()).toEqual([]); // B has the document in memory, and hears of no write
    const code = await a.issueCode({ ...client, scopes: ['create'], challenge: s256(verifier), me: 'https://shelf.example/' });
    const redeemed = await b.redeemForToken({ code, ...client, verifier }, 'The App');
    if (!redeemed.ok) throw new Error(redeemed.description);
    expect(await a.find(redeemed.token)).toMatchObject({ clientId: client.clientId, scopes: ['create'] });
    expect(await a.revokeToken(redeemed.token)).toBe(true);
    expect(await b.find(redeemed.token)).toBeUndefined();
    // The code was used up on B: a second redemption on A is refused.
    expect(await a.redeemForToken({ code, ...client, verifier })).toMatchObject({ ok: false, error: 'invalid_grant' });
  });
});
