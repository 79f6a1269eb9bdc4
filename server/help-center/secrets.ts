import { randomBytes, timingSafeEqual } from 'node:crypto';

export { hashToken } from '../http/auth';

/** 256 random bits, URL-safe; the database keeps only its SHA-256 (hashToken). */
export const newSecret = () => randomBytes(32).toString('base64url');

/** Compares in constant time, so a guessed CSRF token learns nothing from how long the refusal took. */
export function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
