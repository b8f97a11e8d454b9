import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../eventstore/testing/counter';
import { Grants, GRANTS_DOCUMENT, hashSecret, standaloneGrantsDocument } from './grants';
import { s256 } from './pkce';
import type { Scope } from './scopes';

const verifier = 'a'.repeat(20) + '-._~' + 'Z9'.repeat(10);
const client = { clientId: 'https://app.example/', redirectUri: 'https://app.example/callback' };

function setup(scopes: Scope[] = ['create', 'update']) {
  const file = join(tempDir(), `${GRANTS_DOCUMENT.name}.json`);
  let now = 1_000_000;
  const grants = new Grants(standaloneGrantsDocument(file), () => now);
  const issue = () => grants.issueCode({ ...client, scopes, challenge: s256(verifier), me: 'https://shelf.example/' });
  const redeem = (code: string, overrides: Partial<{ clientId: string; redirectUri: string; verifier: string }> = {}) =>
    grants.redeemForToken({ code, ...client, verifier, ...overrides }, 'The App');
  return { file, grants, issue, redeem, advance: (ms: number) => (now += ms) };
}

describe('IndieAuth codes and tokens', () => {
  it('exchanges a code with the right PKCE verifier for a token with the approved scopes, keeping only hashes on disk (0600)', async () => {
    const { file, grants, issue, redeem } = setup();
    const code = await issue();
    const result = await redeem(code);
    expect(result).toMatchObject({ ok: true, scopes: ['create', 'update'], me: 'https://shelf.example/' });
    if (!result.ok) throw new Error('not redeemed');
    expect(await grants.find(result.token)).toMatchObject({ clientId: client.clientId, clientName: 'The App', scopes: ['create', 'update'] });
    const stored = readFileSync(file, 'utf8');
    expect(stored).not.toContain(result.token);
    expect(stored).not.toContain(code);
    expect(stored).toContain(hashSecret(result.token));
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });

  it('refuses a wrong PKCE verifier, and the code is then used up', async () => {
    const { issue, redeem } = setup();
    const code = await issue();
    expect(await redeem(code, { verifier: 'b'.repeat(43) })).toMatchObject({ ok: false, error: 'invalid_grant', description: expect.stringContaining('PKCE') });
    expect(await redeem(code)).toMatchObject({ ok: false, error: 'invalid_grant', description: expect.stringContaining('already used') });
  });

  it('is single-use: a second redemption is refused and revokes the token the first one issued', async () => {
    const { grants, issue, redeem } = setup();
    const code = await issue();
    const first = await redeem(code);
    if (!first.ok) throw new Error('not redeemed');
    expect(await redeem(code)).toMatchObject({ ok: false, error: 'invalid_grant' });
    expect(await grants.find(first.token)).toBeUndefined();
  });

  it('expires codes after 10 minutes', async () => {
    const tenMinutes = 10 * 60_000;
    const { issue, redeem, advance } = setup();
    const early = await issue();
    advance(tenMinutes - 1);
    expect(await redeem(early)).toMatchObject({ ok: true });
    const late = await issue();
    advance(tenMinutes);
    expect(await redeem(late)).toMatchObject({ ok: false, error: 'invalid_grant', description: expect.stringContaining('expired') });
  });

  it('binds a code to its client_id and redirect_uri', async () => {
    const { issue, redeem } = setup();
    expect(await redeem(await issue(), { clientId: 'https://evil.example/' })).toMatchObject({ ok: false, description: expect.stringContaining('client_id') });
    expect(await redeem(await issue(), { redirectUri: 'https://app.example/other' })).toMatchObject({ ok: false, description: expect.stringContaining('redirect_uri') });
  });

  it('gives no token for a code issued without a scope (a sign-in), but redeems it for the profile URL', async () => {
    const { grants, issue, redeem } = setup([]);
    expect(await redeem(await issue())).toMatchObject({ ok: false, error: 'invalid_grant', description: expect.stringContaining('without a scope') });
    const code = await issue();
    expect(await grants.redeemForProfile({ code, ...client, verifier })).toEqual({ ok: true, me: 'https://shelf.example/', scopes: [] });
    expect(await grants.redeemForProfile({ code, ...client, verifier })).toMatchObject({ ok: false, error: 'invalid_grant' });
  });

  it('revokes a token by its value (revocation endpoint) or by its id (the owner), and an unknown token is no error', async () => {
    const { grants, issue, redeem } = setup();
    const a = await redeem(await issue());
    const b = await redeem(await issue());
    if (!a.ok || !b.ok) throw new Error('not redeemed');
    expect(await grants.revokeToken(a.token)).toBe(true);
    expect(await grants.find(a.token)).toBeUndefined();
    expect(await grants.revokeToken(a.token)).toBe(false);
    const [listed] = await grants.list();
    expect(await grants.revokeId(listed!.id)).toBe(true);
    expect(await grants.find(b.token)).toBeUndefined();
    expect(await grants.list()).toEqual([]);
  });
});
