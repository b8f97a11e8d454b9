import 'server-only';
import { createHash, randomBytes } from 'node:crypto';
import { singleton } from '../eventstore/registry';
import { authDocument, type AuthData } from './auth-document';
import type { Document } from '../documents/document';
import { safeEqual } from './safe-equal';

// The admin password: ADMIN_PASSWORD, or one generated at first start, printed once, and kept
// hashed in events/auth.json, so that a restart neither changes it nor ends the owner's sessions.
// A fast salted SHA-256 is enough for a generated password (144 random bits: no guess list reaches
// it) and keeps the check synchronous, so the login limiter's check and bookkeeping stay one step.

export interface GeneratedPassword {
  salt: string;
  sha256: string;
}

const digestOf = (salt: string, password: string) => createHash('sha256').update(`${salt}\0${password}`, 'utf8').digest('base64url');

/** A new random password and its record for auth.json. */
export function generatePassword(): { password: string; record: GeneratedPassword } {
  const password = randomBytes(18).toString('base64url');
  const salt = randomBytes(16).toString('base64url');
  return { password, record: { salt, sha256: digestOf(salt, password) } };
}

/** The generated password's record, once loaded (boot loads it before anything is served). */
const loaded = () => singleton('auth:generated-password', () => ({ record: undefined as GeneratedPassword | undefined }));

/** Whether ADMIN_PASSWORD is unset (or empty), so the generated password is in use. */
export function adminPasswordIsGenerated(): boolean {
  return !process.env.ADMIN_PASSWORD;
}

/**
 * At boot, with ADMIN_PASSWORD unset: loads the generated password's record, or on first start
 * generates one, keeps its hash in auth.json and prints it (the only time it is ever shown).
 * Returns the password when it was generated now.
 */
export async function prepareAdminPassword(log: (line: string) => void = console.log, doc: Document<AuthData> = authDocument()): Promise<string | undefined> {
  if (!adminPasswordIsGenerated()) return undefined;
  let { generatedPassword } = await doc.read();
  let fresh: string | undefined;
  if (!generatedPassword) {
    const { password, record } = generatePassword();
    // Instances starting together on one database: the first to write wins, the others keep its password.
    generatedPassword = (
      await doc.update((d) => {
        d.generatedPassword ??= record;
      })
    ).generatedPassword!;
    if (generatedPassword.sha256 === record.sha256) fresh = password;
  }
  if (fresh) {
    log(
      `Shelf admin password (generated because ADMIN_PASSWORD is unset; shown this once, kept hashed in ${doc.where}): ${fresh}`,
    );
  } else {
    log(`Shelf admin password: the one printed at first start (ADMIN_PASSWORD is unset). Lost it? Set ADMIN_PASSWORD, or delete "generatedPassword" from ${doc.where} and restart for a new one.`);
  }
  loaded().record = generatedPassword;
  return fresh;
}

/** Constant-time check of a login attempt against the admin password (false before the generated one is loaded). */
export function checkAdminPassword(candidate: string): boolean {
  const configured = process.env.ADMIN_PASSWORD;
  if (configured) return safeEqual(candidate, configured);
  const record = loaded().record;
  return record !== undefined && safeEqual(digestOf(record.salt, candidate), record.sha256);
}

/**
 * What sessions are bound to (lib/auth/session-book.ts): ADMIN_PASSWORD, or the generated
 * password's hash, so a new password ends every session and a restart ends none. Undefined
 * before the generated password is loaded: then no session is valid.
 */
export function adminPasswordIdentity(): string | undefined {
  const configured = process.env.ADMIN_PASSWORD;
  if (configured) return configured;
  const record = loaded().record;
  return record && `generated:${record.sha256}`;
}
