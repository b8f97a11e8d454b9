import type { Document } from '../documents/document';
import type { AuthData } from './auth-document';

/** Client keys remembered at most (the owner's home, a server, a phone network or two). */
export const MAX_TOKEN_CLIENTS = 32;
/** A known client's record in auth.json is refreshed at most this often (a write per day, not per request). */
const REFRESH_MS = 24 * 60 * 60_000;

/**
 * The client keys (lib/http/request-party.ts) that presented the right API token: the API token's
 * "device cookie". While strangers' wrong tokens have every unknown client locked out (the shared
 * budget, lib/auth/rate-limit.ts), a known client is judged by its own failures only, so the
 * owner's scripts keep working through an attack. Kept in auth.json, so a restart keeps them.
 */
export class TokenClients {
  private readonly known = new Map<string, number>();

  constructor(private readonly doc: Document<AuthData>) {}

  /** At boot: the clients remembered in auth.json. */
  async load(): Promise<void> {
    for (const { key, seenAt } of (await this.doc.read()).tokenClients ?? []) this.known.set(key, seenAt);
  }

  has(key: string): boolean {
    return this.known.has(key);
  }

  /** `key` just presented the right token: remembered (written when new, or once a day). */
  remember(key: string, now: number): Promise<void> {
    const seenAt = this.known.get(key);
    this.known.delete(key);
    this.known.set(key, now);
    while (this.known.size > MAX_TOKEN_CLIENTS) this.known.delete(this.known.keys().next().value!);
    if (seenAt !== undefined && now - seenAt < REFRESH_MS) return Promise.resolve();
    const records = [...this.known].map(([k, at]) => ({ key: k, seenAt: at }));
    return this.doc
      .update((d) => {
        d.tokenClients = records;
      })
      .then(
        () => undefined,
        (err) => console.error(`${this.doc.file}: could not remember the API token's client:`, err),
      );
  }
}
