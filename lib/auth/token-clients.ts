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
  private following = false;

  constructor(private readonly doc: Document<AuthData>) {}

  /** At boot: the clients remembered in auth.json; then those other instances remember too (PostgreSQL). */
  async load(): Promise<void> {
    this.learn((await this.doc.read()).tokenClients ?? []);
    if (this.following) return;
    this.following = true;
    this.doc.subscribe((d) => this.learn(d.tokenClients ?? []));
  }

  has(key: string): boolean {
    return this.known.has(key);
  }

  /** `key` just presented the right token: remembered (written when new, or once a day). */
  remember(key: string, now: number): Promise<void> {
    const seenAt = this.known.get(key);
    this.see(key, now);
    if (seenAt !== undefined && now - seenAt < REFRESH_MS) return Promise.resolve();
    return this.doc
      .update((d) => {
        // Into the stored list, not over it: another instance may have remembered clients of its own.
        const records = [...(d.tokenClients ?? []).filter((c) => c.key !== key), { key, seenAt: now }];
        d.tokenClients = records.sort((a, b) => a.seenAt - b.seenAt).slice(-MAX_TOKEN_CLIENTS);
      })
      .then(
        () => undefined,
        (err) => console.error(`${this.doc.where}: could not remember the API token's client:`, err),
      );
  }

  private learn(records: readonly { key: string; seenAt: number }[]): void {
    for (const { key, seenAt } of [...records].sort((a, b) => a.seenAt - b.seenAt)) {
      if ((this.known.get(key) ?? -Infinity) < seenAt) this.see(key, seenAt);
    }
  }

  /** Last in the Map's order, the oldest dropped past the bound. */
  private see(key: string, seenAt: number): void {
    this.known.delete(key);
    this.known.set(key, seenAt);
    while (this.known.size > MAX_TOKEN_CLIENTS) this.known.delete(this.known.keys().next().value!);
  }
}
