import 'server-only';
// The secret in every hook URL (/api/hooks/<source>/<secret>): HOOKS_SECRET when set, else one
// generated at first use and kept in the backend's `hooks-secret` document (`events/hooks-secret.json`,
// 0600, beside auth.json; on PostgreSQL a row every instance shares, so all of them answer one
// URL), so the URLs pasted into the media servers stay valid across restarts until the owner
// regenerates it.
import { randomBytes } from 'node:crypto';
import { safeEqual } from '../auth/safe-equal';
import { backend } from '../eventstore/backend';
import { HOOKS_SECRET_DOCUMENT } from './documents';

/** As for ADMIN_TOKEN: a secret is only as strong as it is long. */
export const MIN_HOOKS_SECRET_LENGTH = 16;

/** Why HOOKS_SECRET cannot be used (the server then refuses to start), or null when it is fine or unset. */
export function hooksSecretProblem(secret: string | undefined = process.env.HOOKS_SECRET): string | null {
  if (!secret) return null;
  if (secret.length < MIN_HOOKS_SECRET_LENGTH) {
    return `HOOKS_SECRET is ${secret.length} characters long; use at least ${MIN_HOOKS_SECRET_LENGTH} (for example: openssl rand -hex 24)`;
  }
  // It is a path segment: characters a URL keeps as they are, so the URL shown is the URL that works.
  if (!/^[A-Za-z0-9._~-]+$/.test(secret)) return 'HOOKS_SECRET may hold only letters, digits and . _ ~ - (it is part of a URL)';
  return null;
}

const secretDocument = () => backend().document(HOOKS_SECRET_DOCUMENT);

const generate = () => randomBytes(24).toString('base64url');

export interface HooksSecret {
  secret: string;
  /** Set by HOOKS_SECRET: it cannot be regenerated from the settings page. */
  fromEnv: boolean;
}

export async function hooksSecret(): Promise<HooksSecret> {
  const fromEnv = process.env.HOOKS_SECRET;
  if (fromEnv) return { secret: fromEnv, fromEnv: true };
  const document = secretDocument();
  const { secret } = await document.read();
  if (secret) return { secret, fromEnv: false };
  // Generated once, in the document's queue, so two first requests at once agree on one secret.
  return { secret: (await document.update((doc) => (doc.secret ? doc : { secret: generate() }))).secret, fromEnv: false };
}

/** A new secret: the old URLs stop working at once. Refused while HOOKS_SECRET sets it. */
export async function regenerateHooksSecret(): Promise<string> {
  if (process.env.HOOKS_SECRET) throw new Error('HOOKS_SECRET sets the secret: change it there and restart');
  return (await secretDocument().update(() => ({ secret: generate() }))).secret;
}

/** Whether `candidate` is the secret, in time that says nothing about it. */
export async function isHooksSecret(candidate: string): Promise<boolean> {
  return safeEqual(candidate, (await hooksSecret()).secret);
}
