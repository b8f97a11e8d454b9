import { createHash, timingSafeEqual } from 'node:crypto';

const digest = (s: string) => createHash('sha256').update(s, 'utf8').digest();

/**
 * Compares two secrets in time that depends on neither: hashing first gives both sides the same
 * length, so timingSafeEqual neither throws nor leaks the expected secret's length.
 */
export function safeEqual(candidate: string, expected: string): boolean {
  return timingSafeEqual(digest(candidate), digest(expected));
}
