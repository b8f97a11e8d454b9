import 'server-only';
import { randomBytes } from 'node:crypto';
import { singleton } from '@/lib/eventstore';
import { safeEqual } from './safe-equal';

/** Generated once per process (every copy of this module sees the same one) when ADMIN_PASSWORD is unset. */
const generated = () => singleton('auth:generated-password', () => randomBytes(18).toString('base64url'));

/** Whether ADMIN_PASSWORD is unset (or empty), so a random password is in use for this run. */
export function adminPasswordIsGenerated(): boolean {
  return !process.env.ADMIN_PASSWORD;
}

/** The admin password: ADMIN_PASSWORD, or a random 144-bit one for the life of this process. */
export function adminPassword(): string {
  return process.env.ADMIN_PASSWORD || generated();
}

/** Constant-time check of a login attempt against the admin password. */
export function checkAdminPassword(candidate: string): boolean {
  return safeEqual(candidate, adminPassword());
}

/** At boot: when the password was generated, print it once so the owner can log in. */
export function announceAdminPassword(log: (line: string) => void = console.log): void {
  if (!adminPasswordIsGenerated()) return;
  singleton('auth:password-announced', () => {
    log(`Shelf admin password (ADMIN_PASSWORD is unset, generated for this run): ${adminPassword()}`);
    return true;
  });
}
