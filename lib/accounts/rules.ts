import { dictionary } from '@zxcvbn-ts/language-common';
import { z } from 'zod';

// Pure rules for pseudonyms and passwords. Error messages are codes; actions localise them
// through the `Validation` namespace.

export const PSEUDONYM_MIN = 3;
export const PSEUDONYM_MAX = 32;
export const PASSWORD_MIN = 12; // OWASP ASVS 2.1.1
export const PASSWORD_MAX = 256; // bounds the hashing cost

export const pseudonymSchema = z
  .string()
  .trim()
  .min(PSEUDONYM_MIN, 'pseudonymLength')
  .max(PSEUDONYM_MAX, 'pseudonymLength')
  .regex(/^[A-Za-z0-9_.-]+$/, 'pseudonymCharacters');

/** Uniqueness is case-insensitive: "Kiki" and "kiki" are one pseudonym. */
export function pseudonymKey(pseudonym: string): string {
  return pseudonym.trim().toLowerCase();
}

const common = new Set(dictionary['passwords-common'] as string[]);

/** Strips what people add to a common password to pass a length rule: digits and symbols at the ends. */
function core(password: string): string {
  return password.toLowerCase().replace(/^[^a-z]+|[^a-z]+$/g, '');
}

function isCommon(password: string): boolean {
  const lower = password.toLowerCase();
  if (common.has(lower)) return true;
  const stripped = core(password);
  if (stripped.length >= 4 && common.has(stripped)) return true;
  // "passwordpassword", "qwertyqwerty": one common word repeated.
  for (const size of [3, 4, 5, 6, 8]) {
    if (lower.length % size === 0 && lower === lower.slice(0, size).repeat(lower.length / size) && common.has(lower.slice(0, size))) {
      return true;
    }
  }
  return new Set(lower).size < 5; // "aaaaaaaaaaaa", "121212121212"
}

export type PasswordProblem = 'passwordLength' | 'passwordTooLong' | 'passwordIsPseudonym' | 'passwordCommon';

export function passwordProblem(password: string, pseudonym: string): PasswordProblem | null {
  if ([...password].length < PASSWORD_MIN) return 'passwordLength';
  if (password.length > PASSWORD_MAX) return 'passwordTooLong';
  const lower = password.toLowerCase();
  const name = pseudonymKey(pseudonym);
  // Compare the letter cores only when the pseudonym has letters: "007" must not match every digit password.
  if (name && (lower === name || (core(name) !== '' && core(password) === core(name)))) return 'passwordIsPseudonym';
  if (isCommon(password)) return 'passwordCommon';
  return null;
}
