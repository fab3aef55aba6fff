import 'server-only';
import { randomInt } from 'node:crypto';
import { open, seal } from '@/lib/crypto';
import { lookupHash, purposeKey } from '@/lib/keys';

export const CODE_DAYS = 30;
export const CODE_PATTERN = /^\d{6}$/;

/** Uniform over 000000–999999 from the operating system's CSPRNG. */
export function newCode(): string {
  return String(randomInt(0, 1_000_000)).padStart(6, '0');
}

/** Digits only: "123 456" and "123-456" are the code 123456; anything else is not a code. */
export function parseCode(input: string): string | null {
  const digits = input.replace(/[\s-]/g, '');
  return CODE_PATTERN.test(digits) ? digits : null;
}

/** For look-up: a database dump does not reveal live codes without the server secret. */
export function codeHmac(code: string): string {
  return lookupHash('code-lookup', code);
}

const key = () => purposeKey('code-display');

/** Encrypted for showing the code to its seller while it is live, bound to the code's row. */
export function sealCode(code: string, codeId: string): string {
  return seal(key(), code, codeId);
}

export function openCode(payload: string, codeId: string): string | null {
  return open(key(), payload, codeId);
}
