// IndieAuth's authorization codes and access tokens, kept in a secret document (`events/indieauth.json`,
// 0600, on files; the row `indieauth` every instance shares on PostgreSQL). Only SHA-256 hashes of codes and tokens are stored: a copy of
// the file (a backup) cannot be used to post. Codes are single-use and live 10 minutes.
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { z } from 'zod';
import { defineDocument } from '../documents/definition';
import { createStandaloneDocument, type Document } from '../documents/document';
import { backend } from '../eventstore/backend';
import { singleton } from '../eventstore/registry';
import { s256 } from './pkce';
import { SCOPES, type Scope } from './scopes';

export const CODE_LIFETIME_MS = 10 * 60_000;
/** Outstanding codes at most (each needs the owner's consent, so this is never reached by use). */
export const MAX_CODES = 100;
/** Live tokens at most: past it a new sign-in is refused until the owner revokes some. */
export const MAX_TOKENS = 200;

const hashSchema = z.string().regex(/^[0-9a-f]{64}$/);
const scopesSchema = z.array(z.enum(SCOPES)).max(SCOPES.length);

const codeSchema = z.object({
  hash: hashSchema,
  clientId: z.string().max(2000),
  redirectUri: z.string().max(2000),
  scopes: scopesSchema,
  challenge: z.string().max(128),
  me: z.string().max(2000),
  expiresAt: z.number(),
  /** Set on the first redemption: a second one is refused and revokes what the first issued. */
  usedAt: z.number().optional(),
  tokenId: z.string().optional(),
});

const tokenSchema = z.object({
  id: z.string().max(64),
  hash: hashSchema,
  clientId: z.string().max(2000),
  clientName: z.string().max(200).optional(),
  scopes: scopesSchema,
  me: z.string().max(2000),
  issuedAt: z.number(),
});

const grantsSchema = z.object({
  codes: z.array(codeSchema).max(MAX_CODES),
  tokens: z.array(tokenSchema).max(MAX_TOKENS),
});

export type StoredToken = z.infer<typeof tokenSchema>;
type GrantsData = z.infer<typeof grantsSchema>;

const empty = (): GrantsData => ({ codes: [], tokens: [] });
export const hashSecret = (secret: string) => createHash('sha256').update(secret, 'utf8').digest('hex');
const newSecret = () => randomBytes(32).toString('base64url');

export const GRANTS_DOCUMENT = defineDocument({ name: 'indieauth', schema: grantsSchema, defaults: empty, secret: true });

/** The process-wide document, in the backend. */
export const grantsDocument = (): Document<GrantsData> => backend().document(GRANTS_DOCUMENT);

/** A document of its own (tests). */
export const standaloneGrantsDocument = (file: string): Document<GrantsData> => createStandaloneDocument(file, grantsSchema, empty, undefined, 0o600);

export interface CodeRequest {
  clientId: string;
  clientName?: string;
  redirectUri: string;
  scopes: readonly Scope[];
  challenge: string;
  me: string;
}

/** What a client sends to redeem a code (at the token or the authorization endpoint). */
export interface Redemption {
  code: string;
  clientId: string;
  redirectUri: string;
  verifier: string;
}

export type GrantError = { ok: false; error: 'invalid_grant' | 'invalid_request' | 'server_error'; description: string };

export class Grants {
  constructor(
    private readonly doc: Document<GrantsData>,
    private readonly now: () => number = Date.now,
  ) {}

  /** A new code for an approved request (the owner said yes on the consent page). */
  async issueCode(request: CodeRequest): Promise<string> {
    const code = newSecret();
    const now = this.now();
    await this.doc.update((data) => {
      const live = data.codes.filter((c) => c.expiresAt > now);
      // Past the cap the oldest outstanding code goes: only the owner's own approvals make codes.
      while (live.length >= MAX_CODES) live.shift();
      live.push({
        hash: hashSecret(code),
        clientId: request.clientId,
        redirectUri: request.redirectUri,
        scopes: [...request.scopes],
        challenge: request.challenge,
        me: request.me,
        expiresAt: now + CODE_LIFETIME_MS,
      });
      return { ...data, codes: live };
    });
    return code;
  }

  /**
   * Redeems a code for an access token (the token endpoint). Any redemption uses the code up,
   * whether it succeeds or not, so a verifier cannot be guessed at; a second redemption revokes
   * the token the first one issued (RFC 6749 section 4.1.2).
   */
  async redeemForToken(
    redemption: Redemption,
    clientName?: string,
  ): Promise<{ ok: true; token: string; scopes: Scope[]; me: string } | GrantError> {
    const token = newSecret();
    let outcome: { ok: true; token: string; scopes: Scope[]; me: string } | GrantError = { ok: false, error: 'server_error', description: 'not redeemed' };
    await this.doc.update((data) => {
      const checked = this.use(data, redemption);
      if (!checked.ok) return void (outcome = checked.error);
      const { code } = checked;
      if (code.scopes.length === 0) {
        outcome = { ok: false, error: 'invalid_grant', description: 'This code was issued without a scope (sign-in only): redeem it at the authorization endpoint' };
        return;
      }
      if (data.tokens.length >= MAX_TOKENS) {
        outcome = { ok: false, error: 'invalid_grant', description: `There are already ${MAX_TOKENS} live tokens: the owner must revoke some on /admin/settings first` };
        return;
      }
      const id = randomUUID();
      code.tokenId = id;
      data.tokens.push({ id, hash: hashSecret(token), clientId: code.clientId, clientName: clientName?.slice(0, 200), scopes: code.scopes, me: code.me, issuedAt: this.now() });
      outcome = { ok: true, token, scopes: code.scopes, me: code.me };
    });
    return outcome;
  }

  /** Redeems a code for the profile URL only (the authorization endpoint: a sign-in). */
  async redeemForProfile(redemption: Redemption): Promise<{ ok: true; me: string; scopes: Scope[] } | GrantError> {
    let outcome: { ok: true; me: string; scopes: Scope[] } | GrantError = { ok: false, error: 'server_error', description: 'not redeemed' };
    await this.doc.update((data) => {
      const checked = this.use(data, redemption);
      outcome = checked.ok ? { ok: true, me: checked.code.me, scopes: checked.code.scopes } : checked.error;
    });
    return outcome;
  }

  /**
   * The live token with this value, if any: as stored now, so a token issued or revoked on another
   * instance counts at once (wrong tokens are limited before they get here: lib/indieauth/bearer.ts).
   */
  async find(token: string): Promise<StoredToken | undefined> {
    const hash = hashSecret(token);
    return (await this.doc.fresh()).tokens.find((t) => t.hash === hash);
  }

  async list(): Promise<StoredToken[]> {
    return [...(await this.doc.read()).tokens].sort((a, b) => b.issuedAt - a.issuedAt);
  }

  /** Revokes the token with this value (RFC 7009: unknown tokens are not an error). */
  async revokeToken(token: string): Promise<boolean> {
    const hash = hashSecret(token);
    return this.removeWhere((t) => t.hash === hash);
  }

  /** Revokes a token by its id (the owner's button on /admin/settings). */
  async revokeId(id: string): Promise<boolean> {
    return this.removeWhere((t) => t.id === id);
  }

  private async removeWhere(match: (t: StoredToken) => boolean): Promise<boolean> {
    if (!(await this.doc.fresh()).tokens.some(match)) return false;
    await this.doc.update((data) => ({ ...data, tokens: data.tokens.filter((t) => !match(t)) }));
    return true;
  }

  /** Marks the code used and checks the redemption against it (mutates the draft `data`). */
  private use(data: GrantsData, redemption: Redemption): { ok: true; code: GrantsData['codes'][number] } | { ok: false; error: GrantError } {
    const now = this.now();
    data.codes = data.codes.filter((c) => c.expiresAt > now);
    const hash = hashSecret(redemption.code);
    const code = data.codes.find((c) => c.hash === hash);
    const refuse = (description: string) => ({ ok: false as const, error: { ok: false as const, error: 'invalid_grant' as const, description } });
    if (!code) return refuse('The code is unknown or expired (codes last 10 minutes)');
    if (code.usedAt !== undefined) {
      if (code.tokenId) data.tokens = data.tokens.filter((t) => t.id !== code.tokenId);
      return refuse('The code was already used: codes are single-use, and the token issued with it is revoked');
    }
    code.usedAt = now;
    if (code.clientId !== redemption.clientId) return refuse('client_id does not match the one the code was issued to');
    if (code.redirectUri !== redemption.redirectUri) return refuse('redirect_uri does not match the one the code was issued for');
    if (s256(redemption.verifier) !== code.challenge) return refuse('code_verifier does not match the code_challenge (PKCE S256)');
    return { ok: true, code };
  }
}

/** The process's codes and tokens (one document, one writer queue). */
export const grants = () => singleton('indieauth:grants', () => new Grants(grantsDocument()));
