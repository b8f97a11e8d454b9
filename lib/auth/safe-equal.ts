import { hash, timingSafeEqual } from 'node:crypto';

const digest = (s: string) => hash('sha256', s, 'buffer');

/** The expected secret's digest, kept: it is the same one (ADMIN_TOKEN) on every request. */
let expectedDigest: { of: string; digest: Buffer } | undefined;

/**
 * Compares two secrets in time that depends on neither: hashing first gives both sides the same
 * length, so timingSafeEqual neither throws nor leaks the expected secret's length.
 */
export function safeEqual(candidate: string, expected: string): boolean {
  if (expectedDigest?.of !== expected) expectedDigest = { of: expected, digest: digest(expected) };
  return timingSafeEqual(digest(candidate), expectedDigest.digest);
}
